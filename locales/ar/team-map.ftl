# The team map and the heatmaps (SPEC §5, §9): the words of the wasm
# module crates/team-map, which draws the Team map page and the map on My
# map. Keep every id and every { $variable }; change the words and their
# order freely. A { " " } at the start or end of a message is a space the
# page needs there (Fluent drops spaces written plainly at either end):
# keep it. Where a number agrees with a noun, use a select on it with your
# language's plural categories, even where English writes "report(s)".
# How to check your file: crates/catalog/README.md.

retired = { $label } (لم يعد متاحًا)
team-lede = أين يساعد الذكاء الاصطناعي وأين يضر، حسب نوع المهمة، من تقارير الجميع، مقارنةً بعمود «دون ذكاء اصطناعي». تُعرض الأسابيع المنتهية فقط. اختر خلية لعرض تفاصيلها.
team-compare = { " " }قارن جنبًا إلى جنب بين الاستخدام المفروض والاستخدام الاختياري
team-loading = جارٍ تحميل خريطة الفريق…
team-loading-comparison = جارٍ تحميل المقارنة…
team-comparison-wider = تشمل المقارنة المؤسسة كلها في هذه الفترة: ينشر الخادم عامل تصفية واحدًا فقط في كل مرة إلى جانب الفترة.
told-to = استخدام مفروض
chose-to = استخدام اختياري
team-weeks = الأسابيع من ⁨{ $from }⁩ إلى ⁨{ $to }⁩.{ " " }
team-reports = { $count ->
        [zero] لا توجد تقارير.
        [one] تقرير واحد.
        [two] تقريران.
        [few] { $count } تقارير.
        [many] { $count } تقريرًا.
       *[other] { $count } تقرير.
    }{ " " }
team-shown-cells = الخلايا المعروضة: { $count ->
        [zero] لا تقارير
        [one] تقرير واحد
        [two] تقريران
        [few] { $count } تقارير
        [many] { $count } تقريرًا
       *[other] { $count } تقرير
    }. لا يُعرض المجموع، لأنه سيكشف مجموع الخلايا المخفية.{ " " }
team-not-enough = لا توجد تقارير كافية لإظهار هذا العرض.{ " " }
team-hidden-rule = تُخفى المجموعات التي فيها أقل من { $k ->
        [zero] { $k } تقرير
        [one] تقرير واحد
        [two] تقريرين
        [few] { $k } تقارير
        [many] { $k } تقريرًا
       *[other] { $k } تقرير
    }، وكذلك كل ما قد يكشفه عرضٌ أوسع بعد طرح هذا العرض منه.
team-noise = يُعدّل كل جهاز نتيجته عشوائيًا قبل إرسالها (الاستجابة العشوائية، ε = { $epsilon })، لذا قد يكون أي تقرير بمفرده مجرد تشويش؛ تُصحَّح المتوسطات والنسب لذلك، وتكون الفترات أوسع.{ " " }
team-download = نزّل ما هو معروض:{ " " }
filter-legend = عرض
filter-period = الفترة
filter-team = الفريق
filter-complexity = التعقيد
filter-mandated = سبب استخدام الذكاء الاصطناعي
filter-effort = جهد المراجعة
filter-all-periods = كل الأسابيع المنتهية
filter-all-teams = كل الفرق
filter-any-complexity = أي مستوى تعقيد
filter-any-mandated = مفروض أو اختياري
filter-any-effort = أي جهد مراجعة
filter-no-reports = { " " }— لا تقارير
filter-too-few = { " " }— التقارير أقل من أن تُعرض
filter-hint = عامل تصفية واحد فقط في كل مرة إلى جانب الفترة: اختيار عامل آخر يحل محله. الخيارات الرمادية كانت ستعرض أقل من { $k ->
        [zero] { $k } تقرير
        [one] تقرير واحد
        [two] تقريرين
        [few] { $k } تقارير
        [many] { $k } تقريرًا
       *[other] { $k } تقرير
    }، أو تتيح الجمع بين العروض لتمييز شخص بعينه.
period-quarter = { $quarter } { $year }
period-month = { $month ->
        [1] يناير
        [2] فبراير
        [3] مارس
        [4] أبريل
        [5] مايو
        [6] يونيو
        [7] يوليو
        [8] أغسطس
        [9] سبتمبر
        [10] أكتوبر
        [11] نوفمبر
       *[12] ديسمبر
    } { $year }
cell-with = ⁨{ $task }⁩ باستخدام ⁨{ $tool }⁩
cell-reports = { $count ->
        [zero] لا توجد تقارير.
        [one] تقرير واحد.
        [two] تقريران.
        [few] { $count } تقارير.
        [many] { $count } تقريرًا.
       *[other] { $count } تقرير.
    }
cell-helped = ساعد في { $share } من التقارير (فترة ثقة 95٪ من { $low } إلى { $high }).
cell-vs-baseline = متوسط النتيجة { $diff } مقارنةً بـ«دون ذكاء اصطناعي» في المهمة نفسها.
cell-no-reasons = لم تُذكر أسباب.
cell-outcomes = النتائج
cell-why-not = لماذا لم يساعد
cell-effort = جهد المراجعة
cell-by-period = متوسط النتيجة حسب الفترة
cell-hidden = لا توجد تقارير كافية لعرض هذه الخلية دون المخاطرة بتمييز شخص بعينه.
cell-loading = جارٍ التحميل…
cell-effort-one-filter = يُعرض جهد المراجعة لفترة دون أي عامل تصفية آخر: ينشر الخادم عامل تصفية واحدًا فقط في كل مرة إلى جانب الفترة.
cell-close = إغلاق
cell-line = { $label }: { $value }
cell-distribution = توزيع النتائج؛ الأعداد مذكورة بجانب كل عمود.
heatmap-table = اعرض في جدول
heatmap-task = المهمة
heatmap-label = { $title }: خريطة حرارية لمتوسط النتيجة حسب المهمة والأداة؛ الأرقام نفسها في الجدول أدناه.
heatmap-much-worse = −2 أسوأ بكثير
heatmap-helped-a-lot = +2 ساعد كثيرًا
heatmap-legend = كل خلية: متوسط النتيجة، وn (عدد التقارير)، والفرق عن «دون ذكاء اصطناعي» (خط الأساس) في المهمة نفسها. كلما اتسعت فترة الثقة 95٪ لخلية، صار لونها أبهت.
cell-no-reports = لا تقارير
cell-not-enough = تقارير غير كافية
cell-not-enough-1 = تقارير
cell-not-enough-2 = غير كافية
cell-n = n = { $n }
cell-vs-no-ai = { $diff } عن خط الأساس
cell-mean = المتوسط { $mean } من { $n ->
        [zero] { $n } تقرير
        [one] تقرير واحد
        [two] تقريرين
        [few] { $n } تقارير
        [many] { $n } تقريرًا
       *[other] { $n } تقرير
    }
cell-share = ساعد في { $share } (فترة ثقة 95٪ { $low }–{ $high })
cell-against-no-ai = { $diff } مقارنةً بـ«دون ذكاء اصطناعي»
cell-button = { $shown }⁨{ $task }⁩ باستخدام ⁨{ $tool }⁩: { $description }. افتح التفاصيل.
percent = { $value }٪

## A report's answers in words (the filters, a cell's detail)

# The baseline "tool": the task was done without AI.
no-ai = دون ذكاء اصطناعي
# The outcome scale by its place, 0 (much worse) to 4 (helped a lot).
outcome = { $index ->
         [0] أسوأ بكثير
         [1] أبطأني
         [2] لا فرق
         [3] ساعد
        *[4] ساعد كثيرًا
    }
# How much the AI's output had to be checked and fixed, by its id. An id this version does not know is shown as it is.
effort = { $id ->
         [low] تحقق قليل
         [medium] بعض التحقق
         [high] كثير من التحقق والتصحيح
        *[other] { $id }
    }
# How hard the task was, by its id. An id this version does not know is shown as it is.
complexity = { $id ->
         [routine] روتينية
         [complex] معقدة
        *[other] { $id }
    }
# Why AI did not help, by its id. An id this version does not know is shown as it is.
reason = { $id ->
         [checking] استغرق التحقق من الناتج وقتًا طويلًا
         [context] افتقرت الأداة إلى السياق
         [wrong] كان الناتج خاطئًا أو غير موثوق
         [redo] اضطررت إلى إعادته بنفسي
         [friction] بطيئة أو معطلة أو معيقة
        *[other] { $id }
    }

## Why the map could not be loaded or drawn

catalog-failed = تُعرض هذه الصفحة بالإنجليزية: تعذّر تحميل ترجمتها ({ $language }) ({ $reason ->
        [unreachable] تعذّر الوصول إلى الخادم
        [status] أجاب الخادم بـ HTTP { $status }
       *[other] أُعدّت لإصدار آخر من Candor
    }).
team-unreachable = تعذّر تحميل خريطة الفريق: تعذّر جلب التجميع من { $url }: { $why }.
team-status = تعذّر تحميل خريطة الفريق: لم يُعثر على التجميع في { $url } (HTTP { $status }).
team-not-a-map = لم يكن ردّ خادم المزامنة خريطة فريق ({ $why }).
config-failed = تعذّر رسم الخريطة: تعذّرت قراءة candor.json ({ $why }).
config-status = HTTP { $status }
browser-no-reason = لم يذكر المتصفح سببًا
not-json = ليس JSON
field-missing = { $field } غير موجود
field-not-count = { $field } ليس عددًا
field-not-number = { $field } ليس رقمًا
field-not-list = { $field } ليس قائمة
field-not-week = { $field } ليس أسبوعًا
