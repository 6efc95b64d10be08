"""Jobs: the store, the polling scheduler and the service that ties them together. No widgets."""
