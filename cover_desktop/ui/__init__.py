"""Widgets: thin views over the job service and the media library."""
