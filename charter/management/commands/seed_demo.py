from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from charter.models import Charter, Membership, Role, Workspace
from charter.registry import demo_seeders

DEMO_PASSWORD = "charterboard-demo"  # noqa: S105  printed on purpose: local demo only
DEMO_ROLES = [
    ("owner", Role.OWNER),
    ("editor", Role.EDITOR),
    ("contributor", Role.CONTRIBUTOR),
    ("board", Role.BOARD),
    ("board2", Role.BOARD),
    ("board3", Role.BOARD),
    ("board4", Role.BOARD),
    ("board5", Role.BOARD),
    ("viewer", Role.VIEWER),
]
# Per language: the workspace, the charter's title and (first, last, title) in DEMO_ROLES order;
# Chinese names are written whole in the first name, family name first, as they are said.
# Usernames stay the same in every language, so the README's logins work for all of them.
DEMO_TEXTS = {
    "en": {
        "workspace": "Northwind Sales Enablement",
        "title": "Northwind Sales Enablement Charter FY2027",
        "people": [
            ("Olivia", "Owens", "VP Sales Enablement"),
            ("Ethan", "Reyes", "Enablement Program Manager"),
            ("Chen", "Li", "Sales Operations Analyst"),
            ("Beatrice", "Morgan", "Chief Revenue Officer"),
            ("Dmitri", "Volkov", "VP Product Marketing"),
            ("Aisha", "Khan", "VP Customer Success"),
            ("Marco", "Rossi", "CFO"),
            ("Yuki", "Tanaka", "CHRO"),
            ("Victor", "Hale", "Regional Sales Director"),
        ],
    },
    "zh-hans": {
        "workspace": "北风科技销售赋能",
        "title": "北风科技 2027 财年销售赋能章程",
        "people": [
            ("王芳", "", "销售赋能副总裁"),
            ("李伟", "", "赋能项目经理"),
            ("张静", "", "销售运营分析师"),
            ("刘建国", "", "首席营收官"),
            ("陈敏", "", "产品市场副总裁"),
            ("杨磊", "", "客户成功副总裁"),
            ("赵红", "", "首席财务官"),
            ("黄丽", "", "首席人力资源官"),
            ("周强", "", "大区销售总监"),
        ],
    },
    "zh-hant": {
        "workspace": "北風科技業務賦能",
        "title": "北風科技 2027 財年業務賦能章程",
        "people": [
            ("陳怡君", "", "業務賦能副總"),
            ("林志明", "", "賦能專案經理"),
            ("黃雅婷", "", "業務營運分析師"),
            ("張建宏", "", "營收長"),
            ("李淑芬", "", "產品行銷副總"),
            ("王家豪", "", "客戶成功副總"),
            ("吳美玲", "", "財務長"),
            ("劉宗翰", "", "人資長"),
            ("蔡俊傑", "", "區域業務總監"),
        ],
    },
    "ru": {
        "workspace": "«Норд-Вест»: развитие продаж",
        "title": "Устав развития продаж «Норд-Вест» на 2027 финансовый год",
        "people": [
            ("Анна", "Смирнова", "Вице-президент по развитию продаж"),
            ("Дмитрий", "Иванов", "Руководитель программ развития продаж"),
            ("Елена", "Кузнецова", "Аналитик операционной поддержки продаж"),
            ("Сергей", "Попов", "Коммерческий директор"),
            ("Ольга", "Васильева", "Вице-президент по продуктовому маркетингу"),
            ("Алексей", "Соколов", "Вице-президент по клиентскому успеху"),
            ("Игорь", "Морозов", "Финансовый директор"),
            ("Наталья", "Волкова", "Директор по персоналу"),
            ("Павел", "Новиков", "Региональный директор по продажам"),
        ],
    },
}
DEMO_LANGUAGES = list(DEMO_TEXTS)
DEMO_WORKSPACES = [texts["workspace"] for texts in DEMO_TEXTS.values()]


class Command(BaseCommand):
    help = "Create the demo workspace, users and a partly drafted charter (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            default="en",
            help=f"The demo charter's language: {', '.join(DEMO_LANGUAGES)} (default en).",
        )

    def handle(self, *args, language="en", **options):
        if language not in DEMO_TEXTS:
            raise CommandError(
                f"Unknown demo language {language!r}: choose one of {', '.join(DEMO_LANGUAGES)}."
            )
        texts = DEMO_TEXTS[language]
        existing = Workspace.objects.filter(name__in=DEMO_WORKSPACES).first()
        if existing is not None:
            self.print_logins(DEMO_TEXTS[existing.language])
            return
        # Snapshots freeze display labels (statuses, directions, …) in the active language.
        with translation.override(language), transaction.atomic():
            users = self.create_people(language, texts)
            charter = Charter.objects.create(
                workspace=users["owner"].memberships.get().workspace,
                title=texts["title"],
                period_start=date(2026, 7, 1),
                period_end=date(2027, 6, 30),
                language=language,
                created_by=users["owner"],
            )
            for seeder in demo_seeders:
                seeder.seed(charter, users)
        self.stdout.write(self.style.SUCCESS("Demo workspace created."))
        self.print_logins(texts)

    def create_people(self, language: str, texts: dict) -> dict:
        User = get_user_model()
        workspace = Workspace.objects.create(name=texts["workspace"], language=language)
        users = {}
        for (username, role), (first, last, title) in zip(DEMO_ROLES, texts["people"], strict=True):
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

    def print_logins(self, texts: dict):
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for (username, role), (first, last, title) in zip(DEMO_ROLES, texts["people"], strict=True):
            name = f"{first} {last}".strip()
            self.stdout.write(f"  {username:<12} {role.label:<14} {name}, {title}")
        self.stdout.write("")
