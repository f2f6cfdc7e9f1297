class DomainError(Exception):
    """A business rule refused the action; the message is safe to show to the user."""


class TransitionNotAllowed(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class ImmutableObject(DomainError):
    pass
