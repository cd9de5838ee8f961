# Candor の文言（SPEC §9）、ページごと。英語の原文（locales/en/app.ftl）の
# 注記を参照してください。日本語の複数形は other のみなので、件数は
# 「{ $count } 件」のように書き、選択式は使いません。

## 全体: ヘッダー、言語の切り替え、お知らせ

brand = Candor
promise = { " " }— 今終えたタスクで AI が役立ったかどうかを教えてください。匿名です。ここにはあなたを特定する情報はありません。
nav-label = メインナビゲーション
nav-file = 報告する
nav-history = 履歴
nav-my-map = マイマップ
nav-team-map = チームマップ
nav-pilots = パイロット
language = 言語
loading-app = Candor を読み込んでいます…
page-not-found = ページが見つかりません
dismiss = 閉じる
catalog-not-loaded = { $language } の翻訳を読み込めなかったため（{ $reason }）、Candor を英語で表示しています。ページを再読み込みして、もう一度お試しください。

## candor.json を使えないとき

config-error-title = Candor を起動できません: 設定ファイルに問題があります
config-error-unreachable = 接続を確認して、ページを再読み込みしてください。それでも解決しない場合は、ここで Candor を運用している担当者に連絡してください。
config-error-missing = Candor の運用担当者が、candor.json を index.html と同じ場所に置く必要があります。
config-error-invalid = Candor の運用担当者が candor.json を修正する必要があります。問題のあるフィールドは上のメッセージに示されています。
config-error-safe = この端末に保存済みの報告は無事です。何も変更されていません。

## 報告する（フォーム）

form-title = 今終えたタスクで、AI はどうでしたか？
form-task = どんな種類のタスクでしたか？
form-tool = どの AI ツールを使いましたか？
form-team = 所属チーム
form-more = 詳細（任意）
form-effort = AI の出力の確認と修正に、どのくらい手間がかかりましたか？
form-why-tool = このツールを使った理由は？
form-complexity = タスクの複雑さ
outcome-legend = どうでしたか？{ " " }
outcome-hint = キー 1〜5 で選び、Enter で保存
reasons-legend = 役立たなかった理由は？{ " " }
reasons-hint = 3 つまで、任意
mandated-chosen = 自分で選んだ
mandated-told = 使うよう指示された
form-save = 保存{ " " }
key-enter = Enter
form-saved = 保存しました。
form-undo = 元に戻す
form-undone = 元に戻しました。その報告は削除されました。
form-kept-nowhere = この端末では履歴がオフで、このデプロイには同期サーバーもないため、報告はどこにも保存されません。報告するには、「履歴」ページで履歴をオンに戻してください。
privacy-note = 記録されるのは週だけで、日付や時刻は記録されません。報告には名前、アカウント、端末 ID は含まれません。
privacy-randomized = { " " }回答は送信前にこの端末上でランダム化されるため、どの報告についても、その内容が本当の回答だとは断定できません。
form-missing-task = まずタスクの種類を選んでください。
form-missing-tool = 使ったツールを選んでください（または「AI なし」）。
form-missing-outcome = どうだったかを選んでください: キー 1〜5。
form-saved-not-kept = 送信用には保存しましたが、履歴には残せませんでした: { $error }。
form-not-saved = 保存できませんでした: { $error }。
form-undo-failed = 元に戻せませんでした: { $error }。
pilot-not-kept = 報告を履歴に残せませんでした: { $error }。
link-ignored = リンクで指定された{ $field ->
        [task] タスク
       *[tool] ツール
    }「{ $id }」は、このデプロイでは提供されていないため無視しました。

## 履歴

history-title = 履歴
history-lede = あなた自身の報告です。このブラウザーにだけ保存されています。
history-off = この端末では履歴がオフです。報告しても、ここには保存されません。
history-keep = この端末に履歴を保存する
history-export = JSON でエクスポート
history-import = JSON をインポート…
history-erase = すべて消去…
history-stop = この端末に履歴を保存しない…
history-erase-yes = はい、消去します
history-cancel = キャンセル
history-empty = この端末に保存された報告はありません。
history-count = 報告 { $count } 件（新しい週から順に表示）。
history-erase-question = この端末に保存されている { $count } 件の報告をすべて消去しますか？ 元に戻すことはできません。コピーが必要な場合は、先にエクスポートしてください。
history-stop-question = ここで履歴を保存するのをやめますか？ { $count ->
        [0] 今後、新しい報告は保存されなくなります。
       *[other] この端末に保存されている { $count } 件の報告が消去され、今後、新しい報告も保存されなくなります。コピーが必要な場合は、先にエクスポートしてください。
    }
history-erased = 消去しました。この端末に保存されている報告はありません。
history-erase-failed = 消去できませんでした: { $error }。
history-unreadable-file = ファイルを読み込めませんでした。
history-import-failed = 何もインポートされませんでした: { $error }。
history-export-failed = エクスポートに失敗しました: { $error }
history-imported = 新しい報告を { $added } 件インポートしました。{ $duplicates } 件はすでにあり、{ $rejected } 件は拒否されました。
history-import-entry = 項目 { $entry }: { $error }
history-import-result = インポート結果
sync-panel = チームマップへの送信
sync-all-sent = ここで報告したものはすべて送信済みです。
sync-waiting = { $count } 件の報告が送信待ちです。報告はランダムな時間をおいて、順序を混ぜたまとまりで送信されるため、届いた時刻からいつ報告したかはわかりません。
sync-retrying = { $count } 件の報告が送信待ちです: { $reason }。Candor が再試行します。失われるものはありません。
sync-waiting-token = { $count } 件の報告がトークン待ちです: { $reason }。報告はここに残り、トークンが届きしだい送信されます。失われるものはありません。
sign-in-again = もう一度サインイン
not-accepted-title = サーバーに受け付けられなかった報告
not-accepted = サーバーに受け付けられませんでした: { $reason }
send-again = これらを再送信
sent-again = { $count } 件の報告を再送信キューに追加しました。
send-again-failed = 再送信キューに追加できませんでした: { $error }。
no-ai = AI なし
retired = { $label }（廃止）
told-to-use-it = 使用を指示された
delivery-waiting = { " " }— 送信待ち
delivery-waiting-token = { " " }— トークン待ち
delivery-sent = { " " }— 送信済み
delivery-rejected = { " " }— 受け付けられませんでした: { $reason }

## マイマップ

my-map-title = マイマップ
my-map-lede = あなた自身の仕事のどこで AI が役立ったかを、タスクの種類ごとに示します。これはあなたにしか表示されません。
my-map-empty-start = この端末にはまだ報告がありません。{ " " }
my-map-empty-link = 報告すると
my-map-empty-end = { " " }マップが埋まり始めます。
my-map-count = この端末の報告: { $count } 件。{ " " }
my-map-read = 各ツールは、左の「AI なし」の列と比べて見てください。

## チームマップ

team-title = チームマップ
team-no-sync = このデプロイには同期サーバーがないため、チームマップはありません。あなた自身の報告は「マイマップ」にあります。
team-loading = チームマップを読み込んでいます…

## チームマップのフィルター

## 開いたチームマップのセル

## ヒートマップ（マイマップとチームマップ）

## パイロット

pilots-title = パイロット
pilots-loading = パイロットを読み込んでいます…

## この端末のデータについてのお知らせと、報告が待っている理由（履歴）

history-unreadable = Candor はこの端末の履歴を読み込めません: { $error }。
history-entries-aside = 保存された報告のうち { $count } 件を読み込めませんでした（最初の問題: { $error }）。それらは「{ $key }」に退避しました。ほかの履歴は問題ありません。
history-entries-lost = 保存された報告のうち { $count } 件を読み込めず、退避にも失敗しました: { $error }。
history-aside = 保存された履歴を読み込めませんでした（{ $error }）。履歴はそのまま「{ $key }」に退避し、Candor は新しい履歴を開始しました。
history-not-aside = 保存された履歴を読み込めず（{ $error }）、退避もできませんでした（{ $aside }）。履歴は今も「{ $key }」に保存されています。報告する前に、ブラウザーの開発者ツールからエクスポートしてください。そうしないと、次の報告で置き換えられます。
prefs-aside = 記憶していた選択を読み込めませんでした（{ $error }）。「{ $key }」に退避し、リセットしました。
outbox-entries-aside = 送信待ちの報告のうち { $count } 件を読み込めませんでした。それらは「{ $key }」に退避しました。
outbox-aside = 送信待ちの報告を読み込めませんでした（{ $error }）。報告はそのまま「{ $key }」に退避しました。
outbox-not-aside = 送信待ちの報告を読み込めず（{ $error }）、退避もできませんでした（{ $aside }）。
sync-unreachable = 同期サーバーに接続できませんでした（{ $error }）
sync-not-understood = 同期サーバーの応答を解釈できませんでした
sync-http = 同期サーバーの応答は HTTP { $status } でした
tokens-fetching = トークンを取得しています
tokens-sign-in = サインインの有効期限が切れました。トークンを受け取るには、もう一度サインインしてください
tokens-proof-invalid = サーバーのトークンを公開鍵で検証できなかったため、どれも保持しませんでした（管理者に連絡してください）
tokens-unavailable = { $why }。Candor が再試行します

no-ai-description = AI を使わずに行った
catalog-unreachable = サーバーに接続できませんでした
catalog-status = サーバーが HTTP { $status } を返しました
catalog-other-version = 別のバージョンの Candor 用に作られています

## 報告の選択式の回答（フォーム、履歴）

outcome-much-worse = かなり悪化
outcome-worse = 遅くなった
outcome-no-difference = 変わらない
outcome-better = 役立った
outcome-much-better = とても役立った
effort-low = 確認は少し
effort-medium = ある程度確認
effort-high = 確認と修正が多い
complexity-routine = 定型的
complexity-complex = 複雑
reason-checking = 出力の確認に時間がかかった
reason-context = ツールに文脈が足りなかった
reason-wrong = 出力が間違っていた、または信頼できなかった
reason-redo = 自分でやり直す必要があった
reason-friction = 遅い、動かない、または邪魔になった
