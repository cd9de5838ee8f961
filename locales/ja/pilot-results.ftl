# 管理者向けの「パイロット」ページ（SPEC §10）。英語の原文
# （locales/en/pilot-results.ftl）の注記を参照してください。

## ページの状態

loading = パイロットを読み込んでいます…
no-pilots = パイロットは設定されていません。運用者が candor.json の "pilots" に宣言します。それぞれに ID、名前、タスクとツール、最初と最後の週（from、to）、各タスクのアームをコインで決めるかどうか（randomize）を指定します。SPEC §10 を参照してください。
no-sync = このデプロイには同期サーバーがないため、パイロットの結果はありません。報告は各端末に残ります。
load-failed = パイロットを読み込めませんでした: { $why }
retry = 再試行
catalog-failed = このページは英語で表示されています。{ $language } の翻訳を読み込めませんでした（{ $reason ->
        [unreachable] サーバーに接続できませんでした
        [status] サーバーの応答は HTTP { $status } でした
       *[other] 別のバージョンの Candor 用に作られたものです
    }）。

## パイロットを読み込めなかった理由

browser-no-reason = ブラウザーは理由を示しませんでした
server-unreachable = 同期サーバー（{ $url }）に接続できませんでした（{ $why }）。
no-window = ウィンドウがありません。
server-said = 同期サーバーの応答: { $message }（HTTP { $status }）。
server-status = 同期サーバーは { $url } で HTTP { $status } を返しました。
not-json = JSON ではありません
not-pilot-list = { $url } の応答はパイロットの一覧ではありません（{ $why }）。
not-pilot-results = { $url } の応答はパイロットの結果ではありません（{ $why }）。
field-missing = { $field } がありません
field-not-text = { $field } がテキストではありません
field-not-number = { $field } が数値ではありません
field-not-count = { $field } が件数ではありません
field-not-boolean = { $field } が true でも false でもありません
field-not-list = { $field } がリストではありません
field-unknown-value = { $field } "{ $value }" はこのページが知らない値です
field-not-week = { $field } "{ $value }" は週ではありません
field-bad-arm = アーム "{ $value }" は ai でも no_ai でもありません
field-non-text-id = { $field } にテキストでない ID があります

## パイロットごとのセクション

weeks-counted = 期間 { $from }〜{ $to }。集計済み: { $counted_from }〜{ $counted_to }（終了した週）。
weeks-none-counted = 期間 { $from }〜{ $to }。まだ終了した週がないため、何も集計されていません。
design-randomized = ランダム化あり: 各タスクについて、従業員の端末上のコインが AI を使うか使わないかを決めました。
design-chosen = ランダム化なし: 人々が選んだものの比較であり、ランダム化試験より弱い根拠です。AI を選んだ人とそうでない人は、所要時間にも影響する点で異なっている可能性があります。
by-task = タスク別
task-verdict = { $task }: { $verdict }
task-retired = { $task }（廃止）
whole-pilot = パイロット全体
side-by-side = 体感と実測の比較
before-and-during = パイロット前とパイロット中
download-intro = 表示内容をダウンロード:
download-as = { $pilot } を { $format } でダウンロード
hidden-note = 「非表示」: 報告が { $k } 件未満のグループ、またはその件数からそのようなグループが割り出せてしまうグループです（SPEC §5）。件数は表示しません。

## 結論（1 文で）

verdict-not-enough = 結論を出すにはまだ報告が足りません。各アームには、終了した週の報告が少なくとも { $k } 件必要で、所要時間にばらつきも必要です。
verdict-clear-felt = AI を使うと{ $felt ->
        [faster] 速くなったと感じられ
        [slower] 遅くなったと感じられ
       *[unclear] 体感にははっきりした差がなく
    }（体感 { $diff }、95% 区間 { $low }〜{ $high }）、実測では{ $verdict ->
        [slower] 遅くなりました
       *[faster] 速くなりました
    }。見積もりに対する所要時間は、AI なしの場合の { $ratio }でした（95% 区間 { $ratio_low }〜{ $ratio_high }）。
verdict-clear = 実測では、AI を使うと{ $verdict ->
        [slower] 遅くなりました
       *[faster] 速くなりました
    }。見積もりに対する所要時間は、AI なしの場合の { $ratio }でした（95% 区間 { $ratio_low }〜{ $ratio_high }）。
verdict-unclear-felt = AI を使うと{ $felt ->
        [faster] 速くなったと感じられましたが
        [slower] 遅くなったと感じられましたが
       *[unclear] 体感にははっきりした差がなく
    }（体感 { $diff }、95% 区間 { $low }〜{ $high }）、実測でははっきりした差は見られませんでした。見積もりに対する所要時間は AI なしの場合の { $ratio }で、95% 区間 { $ratio_low }〜{ $ratio_high } は 1 を含みます。{ $more ->
        [0] {""}
       *[other] あと約 { $more } 件の報告があれば、この区間の幅は半分になります。
    }
verdict-unclear = 所要時間については、はっきりした差は測定されませんでした。見積もりに対する所要時間は AI なしの場合の { $ratio }で、95% 区間 { $ratio_low }〜{ $ratio_high } は 1 を含みます。{ $more ->
        [0] {""}
       *[other] あと約 { $more } 件の報告があれば、この区間の幅は半分になります。
    }
disagree-felt-faster = 体感と実測が食い違っています。速くなったと感じられましたが、実測では遅くなりました。AI についての感じ方は、タスクにかかった時間とは違います。
disagree-felt-slower = 体感と実測が食い違っています。遅くなったと感じられましたが、実測では速くなりました。AI についての感じ方は、タスクにかかった時間とは違います。

## 表

table-caption = { $pilot }: アーム別の体感と実測。体感: 結果の平均、−2（かなり悪化）〜 +2（とても役立った）。時間: 実際の分 ÷ 見積もりの分の幾何平均。1 を超えると遅いことを示します。
column-group = グループ
column-reports = 報告数
column-felt = 体感（95% 区間）
column-time = 所要時間 ÷ 見積もり（95% 区間）
column-against-arm = アームと異なるツールの割合（95% 区間）
arm-row = { $group }、{ $arm ->
        [ai] AI あり
       *[no_ai] AI なし
    }
effect-row = { $group }: AI あり対 AI なし（{ $verdict ->
        [faster] 速い
        [slower] 遅い
        [no_clear_difference] はっきりした差なし
       *[not_enough_reports] 報告不足
    }）
hidden = 非表示
no-interval = 区間はまだありません
before-after-caption = パイロットのタスクとツールの体感結果（各自の選択別）: パイロット前の週（{ $from }〜{ $to }）とパイロット期間の比較。
before-arm = パイロット前、{ $arm ->
        [ai] AI あり
       *[no_ai] AI なし
    }
during-arm = パイロット中、{ $arm ->
        [ai] AI あり
       *[no_ai] AI なし
    }

## 数値

interval = { $value }（{ $low }〜{ $high }）
ratio = { $ratio }倍
percent = { $percent }%

## グラフ

chart-felt = 体感: AI あり − AI なし
chart-time = 時間: AI あり ÷ AI なし（対数）
