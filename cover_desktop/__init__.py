"""Cover Desktop: turn an uploaded audio id into new covers, follow the job live, play and keep the clips."""

__version__ = "0.1.0"
APP_NAME = "Cover Desktop"
APP_ID = "cover-desktop"
