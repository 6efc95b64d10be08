"""Clip media: fetching and keeping audio and covers, thumbnails, tags and playback."""
