# The team map and the heatmaps (SPEC §5, §9): the words of the wasm
# module crates/team-map, which draws the Team map page and the map on My
# map. Keep every id and every { $variable }; change the words and their
# order freely. A { " " } at the start or end of a message is a space the
# page needs there (Fluent drops spaces written plainly at either end):
# keep it. Where a number agrees with a noun, use a select on it with your
# language's plural categories, even where English writes "report(s)".
# How to check your file: crates/catalog/README.md.

retired = { $label }（廃止）
team-lede = 全員の報告から、AI が役立つところと足を引っ張るところをタスクの種類ごとに、「AI なし」の列と比べて示します。表示されるのは終了した週だけです。セルを選ぶと詳細が表示されます。
team-compare = { " " }指示による使用と自分で選んだ使用を並べて比較
team-loading = チームマップを読み込んでいます…
team-loading-comparison = 比較を読み込んでいます…
team-comparison-wider = この期間の比較は組織全体が対象です。サーバーが公開するフィルターは、期間のほかに一度に 1 つだけです。
told-to = 指示されて使用
chose-to = 自分で選んで使用
team-weeks = 期間 { $from }〜{ $to }。{ " " }
team-reports = 報告 { $count } 件。{ " " }
team-shown-cells = 表示中のセル: 報告 { $count } 件。非表示のセルの合計がわかってしまうため、全体の件数は表示しません。{ " " }
team-not-enough = このビューを表示するには報告が足りません。{ " " }
team-hidden-rule = 報告が { $k } 件未満のグループは非表示です。より広いビューからこのビューを差し引くと明らかになってしまうものも非表示にしています。
team-noise = 各端末は結果をランダム化してから送信するため（ランダム化回答、ε = { $epsilon }）、個々の報告はノイズかもしれません。平均と割合はこれを補正しており、区間はその分広くなります。{ " " }
team-download = 表示内容をダウンロード:{ " " }
filter-legend = 表示
filter-period = 期間
filter-team = チーム
filter-complexity = 複雑さ
filter-mandated = AI を使った理由
filter-effort = 確認の手間
filter-all-periods = 終了したすべての週
filter-all-teams = すべてのチーム
filter-any-complexity = 複雑さを問わない
filter-any-mandated = 指示の有無を問わない
filter-any-effort = 確認の手間を問わない
filter-no-reports = { " " }— 報告なし
filter-too-few = { " " }— 報告が少なすぎて表示できません
filter-hint = フィルターは期間のほかに一度に 1 つだけです。別のものを選ぶと置き換わります。グレーの選択肢は、表示される報告が { $k } 件未満になるか、ビューを組み合わせて個人を特定できてしまうものです。
period-quarter = { $year }年{ $quarter }
period-month = { $year }年{ $month ->
        [1] 1月
        [2] 2月
        [3] 3月
        [4] 4月
        [5] 5月
        [6] 6月
        [7] 7月
        [8] 8月
        [9] 9月
        [10] 10月
        [11] 11月
       *[12] 12月
    }
cell-with = { $task }（{ $tool }）
cell-reports = 報告 { $count } 件。
cell-helped = 報告の { $share } で役立ちました（95% 区間 { $low }〜{ $high }）。
cell-vs-baseline = 平均結果は、同じタスクの「AI なし」と比べて { $diff } です。
cell-no-reasons = 理由の回答はありません。
cell-outcomes = 結果
cell-why-not = 役立たなかった理由
cell-effort = 確認の手間
cell-by-period = 期間別の平均結果
cell-hidden = 報告が足りないため、個人を特定してしまうおそれなしにこのセルを表示することはできません。
cell-loading = 読み込んでいます…
cell-effort-one-filter = 確認の手間は、ほかのフィルターがない期間について表示されます。サーバーが公開するフィルターは、期間のほかに一度に 1 つだけです。
cell-close = 閉じる
cell-line = { $label }: { $value }
cell-distribution = 結果の分布。各棒の横に件数が示されています。
heatmap-table = 表で表示
heatmap-task = タスク
heatmap-label = { $title }: タスクとツールごとの平均結果のヒートマップ。同じ数値が下の表にあります。
heatmap-much-worse = −2 かなり悪化
heatmap-helped-a-lot = +2 とても役立った
heatmap-legend = 各セル: 平均結果、n（報告の件数）、同じタスクの「AI なし」との差。セルの 95% 区間が広いほど、色が淡くなります。
cell-no-reports = 報告なし
cell-not-enough = 報告不足
cell-not-enough-1 = 報告
cell-not-enough-2 = 不足
cell-n = n = { $n }
cell-vs-no-ai = AI なし比 { $diff }
cell-mean = 平均 { $mean }（報告 { $n } 件）
cell-share = { $share } で役立った（95% 区間 { $low }〜{ $high }）
cell-against-no-ai = 「AI なし」との差 { $diff }
cell-button = { $shown }{ $task }（{ $tool }）: { $description }。詳細を開く。
percent = { $value }%

## A report's answers in words (the filters, a cell's detail)

# The baseline "tool": the task was done without AI.
no-ai = AI なし
# The outcome scale by its place, 0 (much worse) to 4 (helped a lot).
outcome = { $index ->
         [0] かなり悪化
         [1] 遅くなった
         [2] 変わらない
         [3] 役立った
        *[4] とても役立った
    }
# How much the AI's output had to be checked and fixed, by its id. An id this version does not know is shown as it is.
effort = { $id ->
         [low] 確認は少し
         [medium] ある程度確認
         [high] 確認と修正が多い
        *[other] { $id }
    }
# How hard the task was, by its id. An id this version does not know is shown as it is.
complexity = { $id ->
         [routine] 定型的
         [complex] 複雑
        *[other] { $id }
    }
# Why AI did not help, by its id. An id this version does not know is shown as it is.
reason = { $id ->
         [checking] 出力の確認に時間がかかった
         [context] ツールに文脈が足りなかった
         [wrong] 出力が間違っていた、または信頼できなかった
         [redo] 自分でやり直す必要があった
         [friction] 遅い、動かない、または邪魔になった
        *[other] { $id }
    }

## Why the map could not be loaded or drawn

catalog-failed = このマップは英語で表示されています。{ $language } の翻訳を読み込めませんでした（{ $reason ->
        [unreachable] サーバーに接続できませんでした
        [status] サーバーの応答は HTTP { $status } でした
       *[other] 別のバージョンの Candor 用に作られたものです
    }）。
team-unreachable = チームマップを読み込めませんでした。{ $url } から集計を取得できませんでした: { $why }。
team-status = チームマップを読み込めませんでした。{ $url } に集計が見つかりませんでした（HTTP { $status }）。
team-not-a-map = 同期サーバーの応答はチームマップではありませんでした（{ $why }）。
config-failed = マップを描けませんでした。candor.json を読み込めませんでした（{ $why }）。
config-status = HTTP { $status }
browser-no-reason = ブラウザーは理由を示しませんでした
not-json = JSON ではありません
field-missing = { $field } がありません
field-not-count = { $field } が件数ではありません
field-not-number = { $field } が数値ではありません
field-not-list = { $field } がリストではありません
field-not-week = { $field } は週ではありません
