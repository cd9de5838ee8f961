# 「報告」ページのパイロット欄（SPEC §10）。英語の原文
# （locales/en/pilot-desk.ftl）の注記を参照してください。

## パイロット欄

heading = パイロット
privacy-hint = 参加はこの端末にだけ保存されます。タスクを終えるまで何も送信されず、その後もそのタスクの報告だけが送信されます。
pilot-randomized = — ランダム化試験: 各タスクについて、この端末のコインが AI を使うかどうかを決めます。
pilot-chosen = — 各タスクのツールはいつもどおり自分で選びます。
join = 参加
leave = 退出
join-pilot = { $pilot } に参加
leave-pilot = { $pilot } から退出
catalog-failed = パイロット欄は英語で表示されています。{ $language } の翻訳を読み込めませんでした（{ $reason ->
        [unreachable] サーバーに接続できませんでした
        [status] サーバーの応答は HTTP { $status } でした
       *[other] 別のバージョンの Candor 用に作られたものです
    }）。

## タスクを始める

start-heading = パイロットのタスクを始める
pilot-legend = パイロット
task-legend = タスク
forecast-legend = いつものやり方だと、どのくらいかかりそうですか？
start = 開始
join-first = まずパイロットに参加して、それを選んでください。
choose-task-and-forecast = タスクと見込みの所要時間を選んでから、「開始」を押してください。
instruction = { $arm ->
        [ai] このタスクは AI を使って行ってください
        [no_ai] このタスクは AI を使わずに行ってください
       *[none] いつもどおりに行ってください
    }
started = 開始しました。{ $arm ->
        [ai] このタスクは AI を使って行ってください
        [no_ai] このタスクは AI を使わずに行ってください
       *[none] いつもどおりに行ってください
    }。終わるまで下に表示されます。

## 所要時間

minutes = { $minutes }分
hours = { $hours }時間
hours-minutes = { $hours }時間{ $minutes }分

## 進行中のタスク

open-heading = 進行中のパイロットのタスク
open-task-about = { $task } · 見込み { $forecast } · { $pilot }
pilot-ended = このパイロットは終了しました。このタスクは破棄することしかできません
finish = 完了
drop = 破棄
finish-task = 完了: { $task }
drop-task = 破棄: { $task }
dropped = 破棄しました。

## タスクを完了する

actual-legend = 実際にはどのくらいかかりましたか？
tool-legend = どのツールを使いましたか？
no-ai = AI なし
against-coin = コインの指示とは違います。実際に使ったものを選んでください。それでもコインのアームとして集計されます。
outcome-legend = どうでしたか？（キー 1〜5）
outcome-much-worse = かなり悪化
outcome-slowed-me = 遅くなった
outcome-no-difference = 変わらない
outcome-helped = 役立った
outcome-helped-a-lot = とても役立った
file-report = 報告する
not-now = 今はしない
choose-open-task = 完了するタスクを選んでください。
choose-actual = かかった時間を選んでください。
choose-tool = 使ったツールを選んでください（または「AI なし」）。
choose-outcome = どうだったかを選んでください: キー 1〜5。
filed = 報告しました。
filed-sent = ほかの報告と一緒に送信されます。
undo = 元に戻す
undone = 元に戻しました。タスクは再び進行中です。

## エラー

not-filed = 報告できませんでした: { $reason }
undo-failed = 元に戻せませんでした: { $reason }
not-kept = この端末に保存できませんでした（{ $reason }）。ページを閉じるまでは保持されます。
no-storage = このブラウザーにはローカルストレージがありません
no-reason = アプリは理由を示しませんでした
load-failed = パイロットを読み込めませんでした: { $reason }。ページを再読み込みしてもう一度お試しください。
no-window = ウィンドウがありません
config-status = candor.json の応答は { $status } でした
config-not-json = candor.json は有効な JSON ではありません
config-bad-week = パイロットの `{ $field }` が週ではありません
