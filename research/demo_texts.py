"""The research demo's texts per language; the figures and links live in ``research.demo``."""

TEXTS = {
    "en": {
        # interviewee, job title, key quotes, notes
        "interviews": {
            "cro": (
                "Dana Whitfield",
                "Chief Revenue Officer",
                [
                    "We grow 30% next year only if new reps are productive in one quarter, not three.",
                    "Mid-market is where we win; enterprise is where we keep losing on value.",
                ],
                "### Goals\n- Grow ARR 30%, mostly from mid-market expansion\n- Enter DACH with a "
                "partner-led motion\n\n### Concerns\nRamp time is **6.5 months**; discounting is up.",
            ),
            "marketing": (
                "Marcus Chen",
                "VP Marketing",
                [
                    "We make great decks that nobody in the field can find.",
                    "Give me one launch calendar and I will staff it.",
                ],
                "Marketing produces ~40 assets a quarter. No view of usage. Open to a joint launch "
                "process with enablement.",
            ),
            "sales_ops": (
                "Priya Nair",
                "Director of Sales Operations",
                ["Every team asks me for a different pipeline report on Friday afternoon."],
                "Owns CRM and territory planning. Ad hoc requests take ~30 h a month.",
            ),
            "manager": (
                "Tom Okafor",
                "Regional Sales Manager, EMEA",
                [
                    "I coach on deals, never on skills — there is no time.",
                    "My reps rebuild the same ROI spreadsheet for every prospect.",
                ],
                "Team of 8 AEs. Two new hires this quarter. Wants call reviews and a deal-desk "
                "checklist.",
            ),
            "learning": (
                "Helen Brandt",
                "Head of Learning & Development",
                ["Our LMS has 120 courses; sellers finished 11% of what we assigned."],
                "L&D runs company-wide onboarding; sales onboarding is a two-day add-on.",
            ),
            "product": (
                "Raj Patel",
                "VP Product",
                ["Sellers learn about features from customers before they learn from us."],
                "Product ships monthly. Release notes go to an email list sales rarely reads.",
            ),
        },
        # job title, notes
        "champions": [
            ("CRO", "Sponsors the charter at the board."),
            ("Regional Sales Manager, EMEA", "Pilot team for call coaching."),
            ("VP Marketing", "Supports a launch calendar; wary of losing content ownership."),
        ],
        # activity, owner team, requester, pain points
        "audit": {
            "update_email": (
                "Weekly product update email",
                "Product marketing",
                "All sellers",
                "Long, rarely read; no link to the pitch.",
            ),
            "battlecards": (
                "Competitive battlecards",
                "Product marketing",
                "Account executives",
                "Out of date after two months.",
            ),
            "roi": (
                "Custom ROI spreadsheets",
                "Sellers",
                "Prospects",
                "Every rep builds their own; numbers disagree.",
            ),
            "decks": (
                "Deal-specific slide decks",
                "Sellers",
                "Account executives",
                "Old logos and pricing in circulation.",
            ),
            "case_studies": (
                "Customer case studies",
                "Marketing",
                "Account executives",
                "Hard to find by industry.",
            ),
            "templates": (
                "Email templates for outreach",
                "Sellers",
                "SDRs",
                "Shared in chat, lost a week later.",
            ),
            "onboarding": (
                "New-hire sales onboarding",
                "HR and L&D",
                "Sales managers",
                "Generic; little on our sales process.",
            ),
            "pipeline": (
                "Pipeline report requests",
                "Sales operations",
                "Sales managers",
                "Same report rebuilt for each manager.",
            ),
            "deal_coaching": (
                "Deal coaching calls",
                "Sales managers",
                "Account executives",
                "Depends on the manager; no common method.",
            ),
            "briefings": (
                "Release briefings",
                "Product",
                "Solutions engineers",
                "Only SEs attend; AEs miss them.",
            ),
        },
        "roles": {
            "ae": "Account executive",
            "sdr": "SDR",
            "manager": "Sales manager",
            "se": "Solutions engineer",
        },
        "regions": ["North America", "North America", "EMEA", "EMEA", "APAC"],
        "channels": ["Shared drive", "Ask a colleague", "CRM", "Intranet", "Chat"],
        "comments": [
            "A single place for current decks would save me hours.",
            "More role-plays for discovery calls, please.",
            "Pricing changes reach us too late.",
            "Onboarding was mostly HR topics, little on how we sell.",
            "Give managers time to coach.",
        ],
        "survey_title": "Sales-force enablement survey",
        "survey_description": (
            "Sent to all 140 quota-carrying sellers, SDRs and managers; 2 weeks, anonymous."
        ),
        # question, short label
        "questions": [
            (
                "I can find the content I need for a customer in under five minutes.",
                "Content findability",
            ),
            ("My onboarding prepared me to sell our products.", "Onboarding"),
            ("My manager coaches me on skills at least twice a month.", "Coaching"),
            ("I hear about product changes before customers do.", "Product news"),
            ("Where do you look first for sales content?", "First place to look"),
            ("What one thing would help you sell more?", "Biggest wish"),
        ],
        # practice, source
        "benchmarks": [
            (
                "One content hub with usage analytics; stale assets retire after 90 days.",
                "Enablement summit talk, 2026",
            ),
            (
                "90-day onboarding with certification before first customer call; ramp fell "
                "from 7 to 4 months.",
                "Former Contoso manager, interview",
            ),
            (
                "Managers spend 20% of their week coaching, tracked in the CRM.",
                "Industry analyst report",
            ),
            (
                "Product launches run through a joint marketing–enablement calendar.",
                "Public webinar",
            ),
        ],
        "insights": [
            "Sellers spend more time making content than marketing does: 105 hours a month.",
            "Onboarding does not teach how we sell, and ramp takes 6.5 months.",
            "Managers coach deals, not skills; there is no common coaching method.",
            "Product news reaches customers before sellers.",
            "Marketing and enablement need one launch calendar.",
        ],
    },
    "zh-hans": {
        "interviews": {
            "cro": (
                "赵建国",
                "首席营收官",
                [
                    "明年要增长 30%，前提是新销售一个季度就能出业绩，而不是三个季度。",
                    "中型企业是我们的主场；大客户却总在价值上输给对手。",
                ],
                "### 目标\n- ARR 增长 30%，主要来自中型企业客户的扩展\n- 以合作伙伴模式进入"
                "德语区市场\n\n### 顾虑\n新人上岗周期长达 **6.5 个月**；折扣越打越多。",
            ),
            "marketing": (
                "陈志明",
                "市场副总裁",
                [
                    "我们做了很多好的演示材料，但一线销售根本找不到。",
                    "给我一份统一的上市日历，我就能安排人手。",
                ],
                "市场部每季度产出约 40 份资料，但看不到使用情况。愿意与赋能团队共建新品上市流程。",
            ),
            "sales_ops": (
                "刘静",
                "销售运营总监",
                ["每到周五下午，各个团队都找我要不同口径的商机报表。"],
                "负责 CRM 和区域规划。临时需求每月占用约 30 小时。",
            ),
            "manager": (
                "张伟",
                "华南区销售经理",
                [
                    "我只辅导具体的单子，从来没时间辅导技能。",
                    "我的销售给每个潜在客户都重做一遍同样的 ROI 表格。",
                ],
                "团队有 8 名客户经理，本季度新入职 2 人。希望有通话复盘和商务审批清单。",
            ),
            "learning": (
                "孙丽",
                "培训发展负责人",
                ["我们的学习平台上有 120 门课，销售只完成了布置内容的 11%。"],
                "培训发展部负责全公司入职培训；销售入职只是额外加的两天。",
            ),
            "product": (
                "李强",
                "产品副总裁",
                ["销售往往是从客户那里才知道新功能，而不是从我们这里。"],
                "产品每月发布一次。发布说明发到一个销售很少看的邮件组。",
            ),
        },
        "champions": [
            ("首席营收官", "在董事会层面支持本章程。"),
            ("华南区销售经理", "通话辅导试点团队。"),
            ("市场副总裁", "支持统一上市日历；担心失去内容的主导权。"),
        ],
        "audit": {
            "update_email": (
                "每周产品动态邮件",
                "产品市场部",
                "全体销售",
                "篇幅长、很少有人看；与销售话术没有衔接。",
            ),
            "battlecards": ("竞品对比卡", "产品市场部", "客户经理", "两个月后内容就过时了。"),
            "roi": ("自制 ROI 测算表", "销售", "潜在客户", "每个人各做一版，数字对不上。"),
            "decks": ("单个商机的演示文稿", "销售", "客户经理", "旧标志和旧价格仍在流传。"),
            "case_studies": ("客户成功案例", "市场部", "客户经理", "很难按行业查找。"),
            "templates": (
                "开发客户邮件模板",
                "销售",
                "销售开发代表",
                "在群里分享，一周后就找不到了。",
            ),
            "onboarding": (
                "新员工销售入职培训",
                "人力资源及培训发展部",
                "销售经理",
                "内容泛泛；几乎不涉及我们的销售流程。",
            ),
            "pipeline": (
                "商机报表需求",
                "销售运营部",
                "销售经理",
                "同一份报表为每位经理重做一遍。",
            ),
            "deal_coaching": (
                "商机辅导电话会",
                "销售经理",
                "客户经理",
                "因经理而异；没有统一方法。",
            ),
            "briefings": (
                "新版本发布说明会",
                "产品部",
                "售前解决方案工程师",
                "只有售前参加；客户经理错过了。",
            ),
        },
        "roles": {
            "ae": "客户经理",
            "sdr": "销售开发代表",
            "manager": "销售经理",
            "se": "售前解决方案工程师",
        },
        "regions": ["华东", "华东", "华南", "华南", "华北"],
        "channels": ["共享盘", "问同事", "CRM", "内网", "企业微信群"],
        "comments": [
            "如果有一个地方能找到最新的演示材料，能帮我省下好几个小时。",
            "希望多一些需求挖掘通话的角色演练。",
            "价格调整通知到我们这里太晚了。",
            "入职培训大多是人事内容，很少讲我们怎么卖。",
            "请给经理留出辅导的时间。",
        ],
        "survey_title": "销售团队赋能调研",
        "survey_description": "面向全部 140 名背指标的销售、销售开发代表和经理；为期 2 周，匿名填写。",
        "questions": [
            ("我能在五分钟内找到客户需要的资料。", "内容易找性"),
            ("入职培训让我具备了销售公司产品的能力。", "入职培训"),
            ("我的经理每月至少两次辅导我的销售技能。", "辅导"),
            ("我会比客户更早知道产品变化。", "产品动态"),
            ("找销售资料时，你首先去哪里找？", "首选渠道"),
            ("哪一件事最能帮你多卖？", "最大心愿"),
        ],
        "benchmarks": [
            ("统一的内容中心并有使用分析；过期资料 90 天后下架。", "销售赋能峰会演讲，2026"),
            (
                "90 天入职培训，首次拜访客户前须通过认证；上岗周期从 7 个月降到 4 个月。",
                "Contoso 前经理访谈",
            ),
            ("经理每周 20% 的时间用于辅导，并在 CRM 中记录。", "行业分析师报告"),
            ("新品上市通过市场与赋能联合日历推进。", "公开网络研讨会"),
        ],
        "insights": [
            "销售自己做内容的时间比市场部还多：每月 105 小时。",
            "入职培训没有教我们怎么卖，新人上岗需要 6.5 个月。",
            "经理辅导的是单子而不是技能；没有统一的辅导方法。",
            "客户比销售更早知道产品动态。",
            "市场部和赋能团队需要一份统一的上市日历。",
        ],
    },
    "zh-hant": {
        "interviews": {
            "cro": (
                "林志豪",
                "營收長",
                [
                    "明年要成長 30%，前提是新進業務一季內就能貢獻業績，而不是三季。",
                    "中型企業是我們的強項；大型企業客戶卻一直在價值上輸給對手。",
                ],
                "### 目標\n- ARR 成長 30%，主要來自中型企業客戶的擴展\n- 以合作夥伴模式進入"
                "德語區市場\n\n### 疑慮\n新人上手時間長達 **6.5 個月**；折扣越給越多。",
            ),
            "marketing": (
                "黃柏翰",
                "行銷副總",
                [
                    "我們做了很棒的簡報，但第一線業務就是找不到。",
                    "給我一份統一的上市行事曆，我就能排好人力。",
                ],
                "行銷部每季產出約 40 份素材，但看不到使用狀況。願意與賦能團隊共同建立上市流程。",
            ),
            "sales_ops": (
                "張雅婷",
                "業務營運處長",
                ["每到週五下午，每個團隊都跟我要不同版本的商機報表。"],
                "負責 CRM 與業務轄區規劃。臨時需求每月約佔 30 小時。",
            ),
            "manager": (
                "吳家豪",
                "中南部業務經理",
                [
                    "我只輔導個案，從來沒時間輔導技能。",
                    "我的業務每接觸一個潛在客戶，就重做一次同樣的 ROI 試算表。",
                ],
                "團隊有 8 位業務，本季新進 2 人。希望有通話檢視和報價審核檢查表。",
            ),
            "learning": (
                "李淑芬",
                "教育訓練主管",
                ["我們的線上學習平台有 120 門課，業務只完成了指派內容的 11%。"],
                "人資教育訓練負責全公司新人訓練；業務新人訓練只是額外加的兩天。",
            ),
            "product": (
                "王冠宇",
                "產品副總",
                ["業務常常是從客戶那裡才聽到新功能，而不是從我們這裡。"],
                "產品每月發布一次。版本說明寄到一個業務很少看的郵件群組。",
            ),
        },
        "champions": [
            ("營收長", "在董事會支持這份章程。"),
            ("中南部業務經理", "通話教練輔導的試辦團隊。"),
            ("行銷副總", "支持統一的上市行事曆；擔心失去內容的主導權。"),
        ],
        "audit": {
            "update_email": (
                "每週產品更新電子報",
                "產品行銷部",
                "全體業務",
                "篇幅長、很少人看；和銷售話術沒有連結。",
            ),
            "battlecards": ("競品比較卡", "產品行銷部", "業務", "兩個月後就過時了。"),
            "roi": ("自製 ROI 試算表", "業務", "潛在客戶", "每個人各做一份，數字兜不起來。"),
            "decks": ("個案簡報", "業務", "業務", "舊標誌和舊價格還在流傳。"),
            "case_studies": ("客戶成功案例", "行銷部", "業務", "很難依產業查找。"),
            "templates": (
                "開發客戶郵件範本",
                "業務",
                "業務開發代表",
                "在 LINE 群組分享，一週後就找不到。",
            ),
            "onboarding": (
                "業務新人訓練",
                "人資及教育訓練",
                "業務主管",
                "內容籠統；幾乎沒講到我們的銷售流程。",
            ),
            "pipeline": (
                "商機報表需求",
                "業務營運部",
                "業務主管",
                "同一份報表替每位主管重做一次。",
            ),
            "deal_coaching": ("個案輔導會議", "業務主管", "業務", "因主管而異；沒有共同方法。"),
            "briefings": (
                "新版本說明會",
                "產品部",
                "售前解決方案工程師",
                "只有售前參加；業務都錯過了。",
            ),
        },
        "roles": {
            "ae": "業務",
            "sdr": "業務開發代表",
            "manager": "業務主管",
            "se": "售前解決方案工程師",
        },
        "regions": ["北台灣", "北台灣", "中南部", "中南部", "港澳及東南亞"],
        "channels": ["共用雲端硬碟", "問同事", "CRM", "內部網站", "LINE 群組"],
        "comments": [
            "如果有一個地方能找到最新的簡報，可以幫我省下好幾個小時。",
            "希望多一些需求探詢通話的角色扮演練習。",
            "價格調整通知到我們這邊太晚了。",
            "新人訓練大多是人資事項，很少講我們怎麼賣。",
            "請給主管留時間做教練輔導。",
        ],
        "survey_title": "業務團隊賦能問卷",
        "survey_description": "發給全部 140 位背業績的業務、業務開發代表與主管；為期 2 週，匿名填答。",
        "questions": [
            ("我能在五分鐘內找到客戶需要的資料。", "內容好找程度"),
            ("新人訓練讓我具備銷售公司產品的能力。", "新人訓練"),
            ("我的主管每月至少兩次輔導我的銷售技巧。", "教練輔導"),
            ("我會比客戶更早知道產品異動。", "產品消息"),
            ("找銷售資料時，你第一個會去哪裡找？", "首選管道"),
            ("哪一件事最能幫你賣得更多？", "最大期望"),
        ],
        "benchmarks": [
            ("單一內容中心並有使用分析；過期素材 90 天後下架。", "業務賦能高峰會演講，2026"),
            (
                "90 天新人訓練，第一次拜訪客戶前須通過認證；上手時間從 7 個月降到 4 個月。",
                "Contoso 前主管訪談",
            ),
            ("主管每週 20% 的時間用於教練輔導，並記錄在 CRM。", "產業分析師報告"),
            ("新產品上市透過行銷與賦能的共同行事曆推動。", "公開線上研討會"),
        ],
        "insights": [
            "業務自己做內容的時間比行銷部還多：每月 105 小時。",
            "新人訓練沒有教我們怎麼賣，新人上手要 6.5 個月。",
            "主管輔導的是個案而不是技能；沒有共同的輔導方法。",
            "客戶比業務更早知道產品消息。",
            "行銷與賦能團隊需要一份統一的上市行事曆。",
        ],
    },
    "ru": {
        "interviews": {
            "cro": (
                "Дмитрий Волков",
                "Коммерческий директор",
                [
                    "Мы вырастем на 30% в следующем году, только если новички начнут приносить "
                    "результат за один квартал, а не за три.",
                    "В среднем бизнесе мы выигрываем; в крупном постоянно проигрываем по ценности.",
                ],
                "### Цели\n- Рост ARR на 30%, в основном за счёт расширения в среднем бизнесе\n"
                "- Выход в страны СНГ через партнёров\n\n### Опасения\nВыход новичка на "
                "результат — **6,5 месяца**; скидки растут.",
            ),
            "marketing": (
                "Михаил Орлов",
                "Директор по маркетингу",
                [
                    "Мы делаем отличные презентации, которые никто в полях не может найти.",
                    "Дайте мне единый календарь запусков, и я выделю под него людей.",
                ],
                "Маркетинг выпускает около 40 материалов в квартал. Данных об использовании нет. "
                "Готов к общему процессу запусков с командой развития продаж.",
            ),
            "sales_ops": (
                "Елена Кузнецова",
                "Руководитель отдела операционной поддержки продаж",
                ["Каждая команда в пятницу после обеда просит у меня свой отчёт по воронке."],
                "Отвечает за CRM и планирование территорий. Разовые запросы — около 30 ч в месяц.",
            ),
            "manager": (
                "Сергей Иванов",
                "Региональный руководитель продаж, Урал и Сибирь",
                [
                    "Я разбираю сделки, но никогда не тренирую навыки — на это нет времени.",
                    "Мои продавцы для каждого клиента заново собирают одну и ту же таблицу ROI.",
                ],
                "В команде 8 менеджеров, в этом квартале двое новых. Хочет разборы звонков и "
                "чек-лист согласования сделок.",
            ),
            "learning": (
                "Ольга Морозова",
                "Руководитель отдела обучения и развития",
                ["В нашей LMS 120 курсов; продавцы прошли 11% назначенного."],
                "Отдел обучения ведёт общую адаптацию; адаптация продавцов — лишь два дня сверху.",
            ),
            "product": (
                "Алексей Попов",
                "Директор по продукту",
                ["Продавцы узнают о новых функциях от клиентов раньше, чем от нас."],
                "Продукт выходит ежемесячно. Описание релизов уходит в рассылку, которую отдел "
                "продаж почти не читает.",
            ),
        },
        "champions": [
            ("Коммерческий директор", "Продвигает хартию на уровне совета директоров."),
            (
                "Региональный руководитель продаж, Урал и Сибирь",
                "Пилотная команда по коучингу звонков.",
            ),
            (
                "Директор по маркетингу",
                "Поддерживает календарь запусков; опасается потерять контроль над контентом.",
            ),
        ],
        "audit": {
            "update_email": (
                "Еженедельная рассылка о продукте",
                "Продуктовый маркетинг",
                "Все продавцы",
                "Длинная, почти не читается; не связана с презентацией для клиента.",
            ),
            "battlecards": (
                "Карточки по конкурентам",
                "Продуктовый маркетинг",
                "Менеджеры по ключевым клиентам",
                "Устаревают через два месяца.",
            ),
            "roi": (
                "Самодельные таблицы ROI",
                "Продавцы",
                "Потенциальные клиенты",
                "Каждый делает свою; цифры расходятся.",
            ),
            "decks": (
                "Презентации под конкретную сделку",
                "Продавцы",
                "Менеджеры по ключевым клиентам",
                "В ходу старые логотипы и цены.",
            ),
            "case_studies": (
                "Кейсы клиентов",
                "Маркетинг",
                "Менеджеры по ключевым клиентам",
                "Трудно найти по отрасли.",
            ),
            "templates": (
                "Шаблоны писем для холодных рассылок",
                "Продавцы",
                "Специалисты по привлечению клиентов",
                "Пересылаются в чате и теряются через неделю.",
            ),
            "onboarding": (
                "Адаптация новых продавцов",
                "HR и обучение",
                "Руководители отделов продаж",
                "Общие темы; почти ничего о нашем процессе продаж.",
            ),
            "pipeline": (
                "Запросы отчётов по воронке",
                "Операционная поддержка продаж",
                "Руководители отделов продаж",
                "Один и тот же отчёт пересобирается для каждого руководителя.",
            ),
            "deal_coaching": (
                "Разборы сделок с руководителем",
                "Руководители отделов продаж",
                "Менеджеры по ключевым клиентам",
                "Зависит от руководителя; единого метода нет.",
            ),
            "briefings": (
                "Брифинги по релизам",
                "Продукт",
                "Пресейл-инженеры",
                "Ходят только пресейлы; менеджеры их пропускают.",
            ),
        },
        "roles": {
            "ae": "Менеджер по ключевым клиентам",
            "sdr": "Специалист по привлечению клиентов",
            "manager": "Руководитель отдела продаж",
            "se": "Пресейл-инженер",
        },
        "regions": ["Москва", "Москва", "Санкт-Петербург", "Санкт-Петербург", "Урал и Сибирь"],
        "channels": [
            "Общий диск",
            "Спрашиваю коллегу",
            "CRM",
            "Корпоративный портал",
            "Telegram-чат",
        ],
        "comments": [
            "Одно место с актуальными презентациями сэкономило бы мне часы.",
            "Больше ролевых игр по выявлению потребностей, пожалуйста.",
            "Об изменениях цен мы узнаём слишком поздно.",
            "Адаптация была в основном про HR, почти ничего о том, как мы продаём.",
            "Дайте руководителям время на коучинг.",
        ],
        "survey_title": "Опрос отдела продаж о развитии продаж",
        "survey_description": (
            "Разослан всем 140 продавцам с планом, специалистам по привлечению и руководителям; "
            "2 недели, анонимно."
        ),
        "questions": [
            ("Я нахожу нужный для клиента материал меньше чем за пять минут.", "Поиск материалов"),
            ("Адаптация подготовила меня к продаже наших продуктов.", "Адаптация"),
            ("Руководитель тренирует мои навыки не реже двух раз в месяц.", "Коучинг"),
            ("Я узнаю об изменениях продукта раньше клиентов.", "Новости продукта"),
            ("Где вы в первую очередь ищете материалы для продаж?", "Где ищут сначала"),
            ("Что одно помогло бы вам продавать больше?", "Главное пожелание"),
        ],
        "benchmarks": [
            (
                "Единый контент-хаб с аналитикой использования; устаревшие материалы снимаются "
                "через 90 дней.",
                "Доклад на конференции по развитию продаж, 2026",
            ),
            (
                "Адаптация за 90 дней с сертификацией до первой встречи с клиентом; выход на "
                "результат сократился с 7 до 4 месяцев.",
                "Интервью с бывшим руководителем Contoso",
            ),
            (
                "Руководители тратят 20% недели на коучинг и фиксируют его в CRM.",
                "Отчёт отраслевого аналитика",
            ),
            (
                "Запуски продуктов идут по общему календарю маркетинга и развития продаж.",
                "Открытый вебинар",
            ),
        ],
        "insights": [
            "Продавцы тратят на создание материалов больше времени, чем маркетинг: 105 часов "
            "в месяц.",
            "Адаптация не учит тому, как мы продаём, а выход на результат занимает 6,5 месяца.",
            "Руководители разбирают сделки, а не тренируют навыки; единого метода коучинга нет.",
            "Новости о продукте доходят до клиентов раньше, чем до продавцов.",
            "Маркетингу и развитию продаж нужен единый календарь запусков.",
        ],
    },
}
