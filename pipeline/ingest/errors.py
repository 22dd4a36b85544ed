"""The one exception a reader raises for a file it cannot read."""


class IngestError(Exception):
    """A file could not be read; ``str(err)`` is the one-line reason for errors.csv."""
