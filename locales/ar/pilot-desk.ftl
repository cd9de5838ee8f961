# قسم التجارب في صفحة «الإبلاغ» (SPEC §10). انظر ملاحظات الأصل الإنجليزي
# (locales/en/pilot-desk.ftl).
# صيغ الجمع في العربية: zero وone وtwo وfew (3–10) وmany (11–99) وother (100…).

## القسم

heading = التجارب
privacy-hint = يُحفظ الانضمام على هذا الجهاز فقط. لا يُرسل شيء حتى تُنهي مهمة، وحينها يُرسل تقريرها فقط.
pilot-randomized = — تجربة عشوائية: لكل مهمة، تحدد قطعة نقد على هذا الجهاز العمل بالذكاء الاصطناعي أو من دونه.
pilot-chosen = — تختار الأداة لكل مهمة كالمعتاد.
join = انضم
leave = غادر
join-pilot = انضم إلى { $pilot }
leave-pilot = مغادرة { $pilot }
catalog-failed = تُعرض التجارب بالإنجليزية: تعذّر تحميل ترجمتها ({ $language }) ({ $reason ->
        [unreachable] تعذّر الوصول إلى الخادم
        [status] أجاب الخادم بـ HTTP { $status }
       *[other] أُعدّت لإصدار آخر من Candor
    }).

## بدء مهمة

start-heading = ابدأ مهمة ضمن تجربة
pilot-legend = التجربة
task-legend = المهمة
forecast-legend = كم ستستغرق بطريقتك المعتادة؟
start = ابدأ
join-first = انضم إلى تجربة أولًا، ثم اخترها.
choose-task-and-forecast = اختر المهمة والمدة التي تتوقعها، ثم «ابدأ».
instruction = { $arm ->
        [ai] أنجز هذه بالذكاء الاصطناعي
        [no_ai] أنجز هذه دون الذكاء الاصطناعي
       *[none] أنجزها بطريقتك المعتادة
    }
started = بدأت. { $arm ->
        [ai] أنجز هذه بالذكاء الاصطناعي
        [no_ai] أنجز هذه دون الذكاء الاصطناعي
       *[none] أنجزها بطريقتك المعتادة
    }. ستنتظرك في الأسفل حتى تُنهيها.

## المدد

minutes = { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    }
hours = { $hours ->
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $hours } ساعات
       *[other] { $hours } ساعة
    }
hours-minutes = { $hours ->
        [one] ساعة
        [two] ساعتان
        [few] { $hours } ساعات
       *[other] { $hours } ساعة
    } و{ $minutes } دقيقة

## المهام المفتوحة

open-heading = مهام التجارب المفتوحة
open-task-about = { $task } · المتوقع { $forecast } · { $pilot }
pilot-ended = انتهت هذه التجربة: لا يمكن إلا التخلي عن المهمة
finish = أنهِ
drop = تخلَّ
finish-task = إنهاء: { $task }
drop-task = التخلي عن: { $task }
dropped = تم التخلي عنها.

## إنهاء مهمة

actual-legend = كم استغرقت؟
tool-legend = أي أداة استخدمت؟
no-ai = دون ذكاء اصطناعي
against-coin = هذا ليس ما قالته قطعة النقد؛ اذكر ما استخدمته فعلًا. ستُحتسب مع ذلك في ذراع قطعة النقد.
outcome-legend = كيف سارت؟ (المفاتيح 1–5)
outcome-much-worse = أسوأ بكثير
outcome-slowed-me = أبطأني
outcome-no-difference = لا فرق
outcome-helped = ساعد
outcome-helped-a-lot = ساعد كثيرًا
file-report = أرسل التقرير
not-now = ليس الآن
choose-open-task = اختر مهمة لإنهائها.
choose-actual = اختر المدة التي استغرقتها.
choose-tool = اختر الأداة التي استخدمتها (أو «دون ذكاء اصطناعي»).
choose-outcome = اختر كيف سارت: المفاتيح 1–5.
filed = سُجّل.
filed-sent = سيُرسل مع تقاريرك الأخرى.
undo = تراجع
undone = تم التراجع: المهمة مفتوحة من جديد.

## الأخطاء

not-filed = لم يُسجّل: { $reason }
undo-failed = تعذّر التراجع: { $reason }
not-kept = تعذّر حفظ هذا على الجهاز ({ $reason })؛ سيبقى حتى تُغلق الصفحة.
no-storage = هذا المتصفح لا يوفّر تخزينًا محليًا
no-reason = لم يذكر التطبيق السبب
load-failed = تعذّر تحميل التجارب: { $reason }. أعد تحميل الصفحة للمحاولة مجددًا.
no-window = لا توجد نافذة
config-status = أجاب candor.json بـ { $status }
config-not-json = candor.json ليس JSON صالحًا
config-bad-week = `{ $field }` في إحدى التجارب ليس أسبوعًا
