class DomainError(Exception):
    """A business rule refused the action; the message is safe to show to the user."""


class TransitionNotAllowed(DomainError):
    pass


class NotAllowed(DomainError):
    """The actor's role or standing does not allow the action (a 403 in a view)."""


class ImmutableObject(DomainError):
    pass
