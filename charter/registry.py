"""The section registry: the only way the core learns about the parts of a charter.

Each app registers its sections in ``AppConfig.ready()``. Navigation, the completeness
checklist, publishing, diffs and the PDF all iterate over the registry.
"""

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

T = TypeVar("T")

Snapshot = dict[str, Any]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int
    # Live rows of one charter → plain JSON (primitives only, never model instances).
    snapshot: Callable[[Any], Snapshot]
    # Renders a snapshot read-only; the same partial serves the web page, the version page
    # and the PDF. It receives ``data`` (the snapshot), ``charter_info`` and ``mode``
    # ("web" or "pdf").
    template: str
    # Snapshot → messages of what is still missing, for the completeness checklist.
    completeness: Callable[[Snapshot], list[str]] = lambda data: []
    # Optional editing block for the live section page: a template and a function
    # (request, charter, membership) → extra context.
    editor_template: str | None = None
    editor_context: Callable[..., dict] | None = None
    # An appendix is listed after the six core sections and may be left out of a PDF.
    appendix: bool = False
    help_text: str = ""
    # Optional: (snapshot, as_of date) → Markdown list lines by topic ("in_flight", "results",
    # "upcoming") as of that day, for readers such as a board meeting's agenda, which must not
    # know the snapshot's shape.
    briefing: Callable[[Snapshot, date], dict[str, list[str]]] | None = None
    # Readable names of the snapshot's keys, and of the codes a key holds, for the changes
    # list; a key without one is named after itself.
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    choices: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False)


class Hook(Generic[T]):
    """One plug-in point: items kept by key, in order; a second item with a taken key is refused.

    Every hook of the registry follows this one rule, so that two apps can never silently
    replace each other's section, panel or seeder.
    """

    def __init__(
        self,
        what: str,
        key_of: Callable[[T], Hashable] = lambda item: item.key,
        order_of: Callable[[T], Any] = lambda item: item.order,
    ):
        self.what = what
        self._key_of = key_of
        self._order_of = order_of
        self._items: dict[Hashable, T] = {}

    def register(self, item: T) -> T:
        key = self._key_of(item)
        if key in self._items:
            raise ValueError(f"A {self.what} with key {key!r} is already registered.")
        self._items[key] = item
        return item

    def unregister(self, key: Hashable) -> None:
        self._items.pop(key, None)

    def get(self, key: Hashable) -> T:
        return self._items[key]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[T]:
        # sorted() is stable: items of one order keep their registration order.
        return iter(sorted(self._items.values(), key=self._order_of))

    def all(self) -> list[T]:
        return list(self)


registry: Hook[Section] = Hook(
    "section", order_of=lambda section: (section.appendix, section.order, section.key)
)
register = registry.register


@dataclass(frozen=True)
class Extension:
    """Content another app adds to a section, e.g. research insights in the current state.

    Its snapshot is stored under ``data["extensions"][key]`` of the section's snapshot and
    rendered by its template after the section's own.
    """

    section_key: str
    key: str
    snapshot: Callable[[Any], Any]
    template: str


extensions: Hook[Extension] = Hook(
    "section extension",
    key_of=lambda extension: (extension.section_key, extension.key),
    order_of=lambda extension: 0,
)
extend = extensions.register


def extensions_for(section_key: str) -> list[Extension]:
    return [extension for extension in extensions if extension.section_key == section_key]


def snapshot_section(section: Section, charter) -> Snapshot:
    data = section.snapshot(charter)
    for extension in extensions_for(section.key):
        data.setdefault("extensions", {})[extension.key] = extension.snapshot(charter)
    return data


def snapshot_charter(charter) -> dict[str, Snapshot]:
    """Ask every registered section (and its extensions) for its snapshot of the live charter."""
    return {section.key: snapshot_section(section, charter) for section in registry.all()}


def completeness(snapshots: dict[str, Snapshot]) -> list[tuple[Section, list[str]]]:
    return [
        (section, section.completeness(snapshots.get(section.key) or {}))
        for section in registry.all()
    ]


@dataclass(frozen=True)
class Panel:
    """A block another app shows on the charter overview page (e.g. the approval dashboard)."""

    key: str
    order: int
    template: str
    # (request, charter) → context for the template
    context: Callable[..., dict]


panels: Hook[Panel] = Hook("overview panel")
register_panel = panels.register


def render_panels(request, charter) -> list[tuple[Panel, dict]]:
    return [(panel, panel.context(request, charter)) for panel in panels]


@dataclass(frozen=True)
class DemoSeeder:
    """Demo content an app adds for its own part of the charter: ``seed(charter, users_by_role)``.

    Seeders run by ``order``, then in registration order; publishing the demo version needs
    every section's content first, and the review of that version needs the version.
    """

    seed: Callable[..., None]
    order: int = 0


def demo_seeder_hook() -> "Hook[DemoSeeder]":
    return Hook("demo seeder", key_of=lambda seeder: seeder.seed)


demo_seeders = demo_seeder_hook()


def register_demo(seed: Callable[..., None] | None = None, *, order: int = 0):
    """Register a demo seeder; also usable as ``@register_demo(order=...)``."""
    if seed is None:
        return lambda function: register_demo(function, order=order)
    demo_seeders.register(DemoSeeder(seed, order))
    return seed


# The charter app publishes the demo version at this order; seed its review after it.
DEMO_VERSION_ORDER = 100


@dataclass(frozen=True)
class NavLink:
    """A workspace-level page another app adds to the top navigation (e.g. Research)."""

    title: str
    url_name: str  # reversed with the workspace slug as its only argument
    order: int
    capability: str = "view"


nav_links: Hook[NavLink] = Hook("navigation link", key_of=lambda link: link.url_name)
register_nav = nav_links.register


@dataclass(frozen=True)
class VersionPanel:
    """A block another app shows on a version's page (e.g. the review and its votes)."""

    key: str
    order: int
    template: str
    # (request, version) → context for the template
    context: Callable[..., dict]


version_panels: Hook[VersionPanel] = Hook("version panel")
register_version_panel = version_panels.register


def render_version_panels(request, version) -> list[tuple[VersionPanel, dict]]:
    return [(panel, panel.context(request, version)) for panel in version_panels]


@dataclass(frozen=True)
class DocumentPart:
    """Content another app adds to a generated PDF, after the sections.

    ``document`` is "charter" (e.g. the approval record) or "board_pack" (e.g. the meeting
    agenda and open action items). ``data(version, params)`` returns plain data for the
    template, or None to leave the part out.
    """

    key: str
    document: str
    order: int
    title: str
    template: str
    data: Callable[..., dict | None]


document_parts: Hook[DocumentPart] = Hook("document part")
register_document_part = document_parts.register


def parts_for(document: str) -> list[DocumentPart]:
    return [part for part in document_parts if part.document == document]


@dataclass(frozen=True)
class ExportParameter:
    """A parameter a PDF request may carry for another app's parts (e.g. a board pack's
    meeting). ``belongs(version, value)`` says whether the value names something of the
    version's charter; a request naming anything else is a 404, and carries no parameter
    nobody registered."""

    key: str
    document: str
    belongs: Callable[..., bool]
    order: int = 0


export_parameters: Hook[ExportParameter] = Hook(
    "export parameter", key_of=lambda parameter: (parameter.document, parameter.key)
)
register_export_parameter = export_parameters.register


def export_parameter(document: str, key: str) -> ExportParameter | None:
    return export_parameters.get((document, key)) if (document, key) in export_parameters else None


@dataclass(frozen=True)
class ReviewWorkflow:
    """What submitting and withdrawing a version does: (version, by, membership) → None.

    By default only the version's status moves; governance registers its review (votes,
    emails to the board) so that the version page's buttons go through it. One workflow at
    most may be registered.
    """

    submit: Callable[..., Any]
    withdraw: Callable[..., Any]
    key: str = "review"
    order: int = 0


STATUS_ONLY_WORKFLOW = ReviewWorkflow(
    submit=lambda version, by, membership: version.submit(by, membership),
    withdraw=lambda version, by, membership: version.withdraw(by, membership),
)
review_workflows: Hook[ReviewWorkflow] = Hook("review workflow")
register_review_workflow = review_workflows.register


def review_workflow() -> ReviewWorkflow:
    return next(iter(review_workflows), STATUS_ONLY_WORKFLOW)


@dataclass(frozen=True)
class Portable:
    """A part of a charter that travels in the charter's JSON document (``charter.portable``).

    ``schema`` describes the part's data so that a whole document is checked before anything
    is written; ``export(charter, context)`` returns the part as plain JSON, and
    ``import_(charter, data, context)`` rebuilds it in a new charter. The context maps the
    document's ids to rows, so one part can refer to another's (a milestone to its metrics).
    Parts are exported and imported by ``order``.
    """

    key: str
    order: int
    schema: Any
    export: Callable[..., Any]
    import_: Callable[..., None]


portables: Hook[Portable] = Hook("portable part", order_of=lambda part: (part.order, part.key))
register_portable = portables.register


def portable_parts() -> list[Portable]:
    return portables.all()


@dataclass(frozen=True)
class EventListener:
    """Hears what happens in the core (a version published, actuals overdue) that other apps
    cannot see from their own code: ``notify(event_key, workspace, payload)``, where the
    payload is plain JSON. Called inside the transaction of the work, so a listener that
    queues something queues it with that work."""

    key: str
    notify: Callable[[str, Any, dict], None]
    order: int = 0


event_listeners: Hook[EventListener] = Hook("event listener")
register_event_listener = event_listeners.register


def announce(event_key: str, workspace, payload: dict) -> None:
    for listener in event_listeners:
        listener.notify(event_key, workspace, payload)


def announce_opened(request, document: str, version, params: dict | None = None) -> None:
    """``document.opened``: a member opened a version's page (``version_page``) or one of its
    PDFs (the export's kind, with its params), e.g. for the board's read receipts."""
    announce(
        "document.opened",
        request.workspace,
        {
            "document": document,
            "version_id": version.pk,
            "membership_id": request.membership.pk,
            "params": params or {},
        },
    )


@dataclass(frozen=True)
class ApiRouter:
    """A django-ninja ``Router`` another app adds to the REST API under ``/api/v1/``
    (e.g. the roadmap's milestones). Its operations authenticate with ``charter.api.auth``."""

    key: str
    order: int
    router: Any


api_routers: Hook[ApiRouter] = Hook("API router")
register_api_router = api_routers.register


@dataclass(frozen=True)
class PhaseChoice:
    """A named stage of the charter's plan an audience can be served from (a roadmap phase)."""

    id: int
    # 1-based, in the plan's order: what "Phase 2" meant before phases had names.
    number: int
    name: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class PhaseSource:
    """Where the scope's audiences find the phases they are served from:
    ``choices(charter)`` → the charter's phases in order, as ``PhaseChoice``. The roadmap
    registers one; without it an audience is simply not linked to a phase. One at most."""

    choices: Callable[[Any], list[PhaseChoice]]
    key: str = "phases"
    order: int = 0


phase_sources: Hook[PhaseSource] = Hook("phase source")
register_phase_source = phase_sources.register


def phase_choices(charter) -> list[PhaseChoice]:
    source = next(iter(phase_sources), None)
    return source.choices(charter) if source else []


@dataclass(frozen=True)
class AuditVocabulary:
    """How one app's entries in the audit trail read: its actions (``"meeting.scheduled"``),
    the objects they touch (``"governance.boardseat"``), the keys of their recorded changes and
    the codes those keys hold, each with a translated label. The core cannot know them, and a
    humanized code ("Board seat added") would stay English in every language."""

    key: str
    actions: Mapping[str, str] = field(default_factory=dict, hash=False)
    object_types: Mapping[str, str] = field(default_factory=dict, hash=False)
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    choices: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False)
    order: int = 0


audit_vocabularies: Hook[AuditVocabulary] = Hook("audit vocabulary")
register_audit_vocabulary = audit_vocabularies.register
