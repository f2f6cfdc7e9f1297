from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from charter.models import Charter, Membership, Role, Workspace
from charter.registry import demo_seeders

DEMO_PASSWORD = "charterboard-demo"  # noqa: S105  printed on purpose: local demo only
DEMO_WORKSPACE = "Northwind Sales Enablement"
DEMO_PEOPLE = [
    ("owner", "Olivia", "Owens", Role.OWNER, "VP Sales Enablement"),
    ("editor", "Ethan", "Reyes", Role.EDITOR, "Enablement Program Manager"),
    ("contributor", "Chen", "Li", Role.CONTRIBUTOR, "Sales Operations Analyst"),
    ("board", "Beatrice", "Morgan", Role.BOARD, "Chief Revenue Officer"),
    ("board2", "Dmitri", "Volkov", Role.BOARD, "VP Product Marketing"),
    ("board3", "Aisha", "Khan", Role.BOARD, "VP Customer Success"),
    ("board4", "Marco", "Rossi", Role.BOARD, "CFO"),
    ("board5", "Yuki", "Tanaka", Role.BOARD, "CHRO"),
    ("viewer", "Victor", "Hale", Role.VIEWER, "Regional Sales Director"),
]


class Command(BaseCommand):
    help = "Create the demo workspace, users and a partly drafted charter (idempotent)."

    def handle(self, *args, **options):
        if Workspace.objects.filter(name=DEMO_WORKSPACE).exists():
            self.print_logins()
            return
        with transaction.atomic():
            users = self.create_people()
            charter = Charter.objects.create(
                workspace=users["owner"].memberships.get().workspace,
                title="Northwind Sales Enablement Charter FY2027",
                period_start=date(2026, 7, 1),
                period_end=date(2027, 6, 30),
                language="en",
                created_by=users["owner"],
            )
            for seeder in demo_seeders:
                seeder.seed(charter, users)
        self.stdout.write(self.style.SUCCESS("Demo workspace created."))
        self.print_logins()

    def create_people(self) -> dict:
        User = get_user_model()
        workspace = Workspace.objects.create(name=DEMO_WORKSPACE)
        users = {}
        for username, first, last, role, title in DEMO_PEOPLE:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@northwind.example",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            Membership.objects.create(workspace=workspace, user=user, role=role)
            user.demo_title = title
            users[username] = user
        return users

    def print_logins(self):
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username, first, last, role, title in DEMO_PEOPLE:
            self.stdout.write(f"  {username:<12} {role.label:<14} {first} {last}, {title}")
        self.stdout.write("")
