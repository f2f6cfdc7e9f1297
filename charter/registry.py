"""The section registry: the only way the core learns about the parts of a charter.

Each app registers its sections in ``AppConfig.ready()``. Navigation, the completeness
checklist, publishing, diffs and the PDF all iterate over the registry.
"""

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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


@dataclass
class Registry:
    _sections: dict[str, Section] = field(default_factory=dict)

    def register(self, section: Section) -> Section:
        if section.key in self._sections:
            raise ValueError(f"A section with key {section.key!r} is already registered.")
        self._sections[section.key] = section
        return section

    def unregister(self, key: str) -> None:
        self._sections.pop(key, None)

    def all(self) -> list[Section]:
        return sorted(self._sections.values(), key=lambda s: (s.appendix, s.order, s.key))

    def get(self, key: str) -> Section:
        return self._sections[key]

    def __contains__(self, key: str) -> bool:
        return key in self._sections


registry = Registry()
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


extensions: list[Extension] = []


def extend(extension: Extension) -> Extension:
    extensions.append(extension)
    return extension


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


panels: dict[str, Panel] = {}


def register_panel(panel: Panel) -> Panel:
    panels[panel.key] = panel
    return panel


def render_panels(request, charter) -> list[tuple[Panel, dict]]:
    return [
        (panel, panel.context(request, charter))
        for panel in sorted(panels.values(), key=lambda p: p.order)
    ]


# Each app adds demo content for its own part of the charter: fn(charter, users_by_role).
# Seeders run by ``order``, then in registration order; publishing the demo version needs
# every section's content first, and the review of that version needs the version.
demo_seeders: list[Callable[..., None]] = []
_demo_orders: list[int] = []


def register_demo(seeder: Callable[..., None] | None = None, *, order: int = 0):
    """Register a demo seeder; also usable as ``@register_demo(order=...)``."""
    if seeder is None:
        return lambda function: register_demo(function, order=order)
    position = bisect.bisect_right(_demo_orders, order)
    _demo_orders.insert(position, order)
    demo_seeders.insert(position, seeder)
    return seeder


# The charter app publishes the demo version at this order; seed its review after it.
DEMO_VERSION_ORDER = 100


@dataclass(frozen=True)
class NavLink:
    """A workspace-level page another app adds to the top navigation (e.g. Research)."""

    title: str
    url_name: str  # reversed with the workspace slug as its only argument
    order: int
    capability: str = "view"


nav_links: list[NavLink] = []


def register_nav(link: NavLink) -> NavLink:
    nav_links.append(link)
    nav_links.sort(key=lambda item: item.order)
    return link


@dataclass(frozen=True)
class VersionPanel:
    """A block another app shows on a version's page (e.g. the review and its votes)."""

    key: str
    order: int
    template: str
    # (request, version) → context for the template
    context: Callable[..., dict]


version_panels: dict[str, VersionPanel] = {}


def register_version_panel(panel: VersionPanel) -> VersionPanel:
    version_panels[panel.key] = panel
    return panel


def render_version_panels(request, version) -> list[tuple[VersionPanel, dict]]:
    ordered = sorted(version_panels.values(), key=lambda p: p.order)
    return [(panel, panel.context(request, version)) for panel in ordered]


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


document_parts: dict[str, DocumentPart] = {}


def register_document_part(part: DocumentPart) -> DocumentPart:
    document_parts[part.key] = part
    return part


def parts_for(document: str) -> list[DocumentPart]:
    return sorted(
        (p for p in document_parts.values() if p.document == document), key=lambda p: p.order
    )


@dataclass(frozen=True)
class ReviewWorkflow:
    """What submitting and withdrawing a version does: (version, by, membership) → None.

    By default only the version's status moves; governance registers its review (votes,
    emails to the board) so that the version page's buttons go through it.
    """

    submit: Callable[..., Any]
    withdraw: Callable[..., Any]


STATUS_ONLY_WORKFLOW = ReviewWorkflow(
    submit=lambda version, by, membership: version.submit(by, membership),
    withdraw=lambda version, by, membership: version.withdraw(by, membership),
)
_review_workflow = [STATUS_ONLY_WORKFLOW]


def register_review_workflow(workflow: ReviewWorkflow) -> ReviewWorkflow:
    _review_workflow[0] = workflow
    return workflow


def review_workflow() -> ReviewWorkflow:
    return _review_workflow[0]


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


portables: dict[str, Portable] = {}


def register_portable(portable: Portable) -> Portable:
    if portable.key in portables:
        raise ValueError(f"A portable part with key {portable.key!r} is already registered.")
    portables[portable.key] = portable
    return portable


def portable_parts() -> list[Portable]:
    return sorted(portables.values(), key=lambda part: (part.order, part.key))
