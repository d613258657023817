class TransisiTidakSah(Exception):
    """A workflow step that the rules do not allow now. The message is shown to the user."""


class Ditolak(Exception):
    """A request that the rules refuse for a reason other than the workflow state."""
