"""The one exception a reader raises for a file it cannot read."""


class ReadError(Exception):
    """A file that cannot be read; the message is a short reason a person can act on."""
