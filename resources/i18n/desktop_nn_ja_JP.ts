<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccuracyPlot</name>
    <message>
        <source>accuracy</source>
        <translation>認識精度</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Accuracy curves</source>
        <translation>認識精度のグラフ</translation>
    </message>
    <message>
        <source>Recognition accuracy on the training data (solid) and the test data (dashed) after each epoch.</source>
        <translation>各エポック後の訓練データ（実線）とテストデータ（破線）に対する認識精度。</translation>
    </message>
    <message>
        <source>train acc</source>
        <translation>訓練精度</translation>
    </message>
    <message>
        <source>test acc</source>
        <translation>テスト精度</translation>
    </message>
    <message>
        <source>train acc ({run})</source>
        <translation>訓練精度（{run}）</translation>
    </message>
    <message>
        <source>test acc ({run})</source>
        <translation>テスト精度（{run}）</translation>
    </message>
    <message>
        <source>{run} train</source>
        <translation>{run}（訓練）</translation>
    </message>
    <message>
        <source>{run} test</source>
        <translation>{run}（テスト）</translation>
    </message>
    <message>
        <source>epoch {epoch}: train {train}, test {test}</source>
        <translation>エポック {epoch}：訓練 {train}、テスト {test}</translation>
    </message>
</context>
<context>
    <name>BookNames</name>
    <message>
        <source>apple</source>
        <extracomment>Shows a value's name: ``book_name`` for the book's graphs, ``plain_name`` for typed ones. The values of the book's apples-and-oranges graphs, marked for translation (context "BookNames"): the labels of the book's figures in its Chinese and Japanese editions.</extracomment>
        <translation>りんご</translation>
    </message>
    <message>
        <source>apple_num</source>
        <translation>りんごの個数</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>みかん</translation>
    </message>
    <message>
        <source>orange_num</source>
        <translation>みかんの個数</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>消費税</translation>
    </message>
    <message>
        <source>apple_price</source>
        <translation>りんごの金額</translation>
    </message>
    <message>
        <source>orange_price</source>
        <translation>みかんの金額</translation>
    </message>
    <message>
        <source>all_price</source>
        <translation>合計金額</translation>
    </message>
    <message>
        <source>price</source>
        <translation>支払金額</translation>
    </message>
</context>
<context>
    <name>Chapter4Tab</name>
    <message>
        <source>Derivative</source>
        <translation>微分</translation>
    </message>
    <message>
        <source>Gradient field</source>
        <translation>勾配の場</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>勾配降下</translation>
    </message>
    <message>
        <source>Why the loss</source>
        <translation>なぜ損失関数か</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt</source>
        <extracomment>How each dataset is called on screen and in messages (names: never translated). Both datasets have ten classes, labelled 0 to 9. Short names of the Fashion-MNIST classes, label 0 first.</extracomment>
        <translation>Tシャツ</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>ズボン</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>プルオーバー</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>ドレス</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>コート</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>サンダル</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>シャツ</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>スニーカー</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>バッグ</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>ブーツ</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>No evaluation yet.</source>
        <extracomment>The lightest shade of a non-empty cell, so a single mistake is not invisible. Lines of legend text under the grid: two colour ramps and a hint of up to two lines.</extracomment>
        <translation>まだ評価していません。</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the network's guess. Hover a cell for its share, click a mistake to list its images.</source>
        <translation>行は正解のクラス、列はネットワークの予測です。セルにマウスを重ねると割合を表示し、誤りのセルをクリックするとその画像を一覧表示します。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混同行列</translation>
    </message>
    <message>
        <source>Test images counted by true class (rows) and predicted class (columns).</source>
        <translation>テスト画像を正解クラス（行）と予測クラス（列）ごとに数えたもの。</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>true</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正答</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>誤り</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 枚</translation>
    </message>
    <message>
        <source>0% of the row</source>
        <translation>行の 0%</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 枚</translation>
    </message>
    <message>
        <source>Hover a cell for details; click a mistake to list its images.</source>
        <translation>セルに重ねると詳細、誤りのセルをクリックすると画像を一覧表示。</translation>
    </message>
    <message>
        <source>{true} recognised correctly: {count} images ({percent}% of the {total} images of {true})</source>
        <translation>{true} を正しく認識：{count} 枚（{true} の画像 {total} 枚のうち {percent}%）</translation>
    </message>
    <message>
        <source>{true} recognised correctly: {count} images</source>
        <translation>{true} を正しく認識：{count} 枚</translation>
    </message>
    <message>
        <source>true {true} taken for {guess}: {count} images ({percent}% of the {total} images of {true}). Click to list them.</source>
        <translation>正解 {true} を {guess} と誤認：{count} 枚（{true} の画像 {total} 枚のうち {percent}%）。クリックすると一覧表示します。</translation>
    </message>
    <message>
        <source>true {true} taken for {guess}: {count} images. Click to list them.</source>
        <translation>正解 {true} を {guess} と誤認：{count} 枚。クリックすると一覧表示します。</translation>
    </message>
</context>
<context>
    <name>DerivativePart</name>
    <message>
        <source>The point x where the derivative is taken; drag the point on the plot too.</source>
        <extracomment>The difference formulas, in the order of the method box. How far the point may be typed.</extracomment>
        <translation>微分を求める点 x。グラフ上の点をドラッグしても変えられます。</translation>
    </message>
    <message>
        <source>central (f(x+h) − f(x−h)) / 2h</source>
        <translation>中心差分 (f(x+h) − f(x−h)) / 2h</translation>
    </message>
    <message>
        <source>forward (f(x+h) − f(x)) / h</source>
        <translation>前方差分 (f(x+h) − f(x)) / h</translation>
    </message>
    <message>
        <source>The book's numerical_diff uses the central difference.</source>
        <translation>本書の numerical_diff は中心差分を使います。</translation>
    </message>
    <message>
        <source>The step h, from 1e-1 (left) to 1e-20 (right) on a logarithmic scale; the book uses 1e-4.</source>
        <translation>微小な値 h。対数目盛りで 1e-1（左）から 1e-20（右）まで。本書では 1e-4 を使います。</translation>
    </message>
    <message>
        <source>Step h</source>
        <translation>微小な値 h</translation>
    </message>
    <message>
        <source>f(&amp;x) =</source>
        <translation>f(&amp;x) =</translation>
    </message>
    <message>
        <source>&amp;at x =</source>
        <translation>位置(&amp;A) x =</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>差分の方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Step h:</source>
        <translation>微小な値 h(&amp;S)：</translation>
    </message>
    <message>
        <source>f must use exactly one variable (it uses {count}).</source>
        <translation>f はちょうど 1 つの変数を使う必要があります（{count} 個使っています）。</translation>
    </message>
    <message>
        <source>f is undefined at x = {x} or next to it: no derivative here.</source>
        <translation>f は x = {x} またはその近くで定義されていません。ここでは微分できません。</translation>
    </message>
    <message>
        <source>central difference</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>forward difference</source>
        <translation>前方差分</translation>
    </message>
    <message>
        <source>numerical_diff(f, {x}) = {value}  ({difference}, h = {h})</source>
        <translation>numerical_diff(f, {x}) = {value}  （{difference}、h = {h}）</translation>
    </message>
    <message>
        <source>exact df/d{name} by backpropagation: {exact};  error {error}</source>
        <translation>誤差逆伝播法による正確な df/d{name}：{exact}；誤差 {error}</translation>
    </message>
    <message>
        <source>The book's warning, h = 1e-50: x + h rounds to x in float64, so f(x + h) − f(x − h) is exactly 0 and the derivative comes out as 0, not {exact}.</source>
        <translation>本書の警告、h = 1e-50：float64 では x + h が x に丸められるので、f(x + h) − f(x − h) はちょうど 0 になり、微分は {exact} ではなく 0 になります。</translation>
    </message>
    <message>
        <source>The book's warning, h = 1e-50: here it gives {value}; at any x far from 0, x + h rounds to x and the difference is exactly 0.</source>
        <translation>本書の警告、h = 1e-50：ここでは {value} になります。0 から離れた x では x + h が x に丸められ、差分はちょうど 0 になります。</translation>
    </message>
</context>
<context>
    <name>DescentControls</name>
    <message>
        <source>Where the descent starts (the book: −3, 4).</source>
        <extracomment>As the command line's ``descent``.</extracomment>
        <translation>勾配降下の出発点（本書では −3, 4）。</translation>
    </message>
    <message>
        <source>The learning rate lr; the arrows multiply or divide it by 10.</source>
        <translation>学習率 lr。矢印ボタンで 10 倍または 1/10 にします。</translation>
    </message>
    <message>
        <source>The number of steps (the book's step_num).</source>
        <translation>ステップ数（本書の step_num）。</translation>
    </message>
    <message>
        <source>Your own settings</source>
        <translation>自分の設定</translation>
    </message>
    <message>
        <source>The book's three learning rates, one click away.</source>
        <translation>本書の 3 つの学習率をワンクリックで。</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>実行(&amp;U)</translation>
    </message>
    <message>
        <source>Animate the descent from the start.</source>
        <translation>出発点から勾配降下をアニメーションで表示します。</translation>
    </message>
    <message>
        <source>Step &amp;once</source>
        <translation>1 ステップ進む(&amp;O)</translation>
    </message>
    <message>
        <source>Take one step.</source>
        <translation>1 ステップ進めます。</translation>
    </message>
    <message>
        <source>&amp;Back to the start</source>
        <translation>出発点に戻る(&amp;B)</translation>
    </message>
    <message>
        <source>f(x0, x&amp;1) =</source>
        <translation>f(x0, x&amp;1) =</translation>
    </message>
    <message>
        <source>Boo&amp;k's runs:</source>
        <translation>本書の例(&amp;K)：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>出発点：</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>学習率(&amp;R)：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>ステップ数：</translation>
    </message>
</context>
<context>
    <name>DescentPart</name>
    <message>
        <source>The path of gradient descent on the contours of f</source>
        <extracomment>The book's figure 4-10 shows x0 and x1 from -4 to 4 (a little more here for the start). An animation shows a run in about this many ticks, whatever its length.</extracomment>
        <translation>f の等高線上の勾配降下の経路</translation>
    </message>
    <message>
        <source>Stopped after step {step}: {reason}</source>
        <translation>ステップ {step} の後で停止しました：{reason}</translation>
    </message>
    <message>
        <source>Step {step} of {steps}: x = {x},  f(x) = {value}</source>
        <translation>ステップ {step} / {steps}：x = {x}、f(x) = {value}</translation>
    </message>
    <message>
        <source>The book prints {result} after 100 steps.</source>
        <translation>本書では 100 ステップ後に {result} と出力されます。</translation>
    </message>
    <message>
        <source>The book: lr = 0.1 (about right)</source>
        <translation>本書：lr = 0.1（適切）</translation>
    </message>
    <message>
        <source>A good learning rate: every step shrinks the point by the factor 0.8, and after 100 steps it sits at the minimum (0, 0) to within 1e-9.</source>
        <translation>適切な学習率：各ステップで点が 0.8 倍に縮み、100 ステップ後には 1e-9 以内の精度で最小値 (0, 0) に達します。</translation>
    </message>
    <message>
        <source>The book: lr = 10 (too large)</source>
        <translation>本書：lr = 10（大きすぎる）</translation>
    </message>
    <message>
        <source>Too large: every step overshoots the minimum and lands 19 times farther away on the other side, until x ± h rounds to x, the numerical gradient becomes 0 and the point stops, far out.</source>
        <translation>大きすぎる：各ステップで最小値を飛び越え、反対側の 19 倍遠くに着地します。やがて x ± h が x に丸められて数値勾配が 0 になり、点は遠く離れた所で止まります。</translation>
    </message>
    <message>
        <source>The book: lr = 1e-10 (too small)</source>
        <translation>本書：lr = 1e-10（小さすぎる）</translation>
    </message>
    <message>
        <source>Too small: the point barely moves from where it started; learning would take forever.</source>
        <translation>小さすぎる：点は出発点からほとんど動きません。学習がいつまでも終わりません。</translation>
    </message>
</context>
<context>
    <name>DetailWriter</name>
    <message>
        <source>Arrays in this batch:</source>
        <translation>このバッチの配列：</translation>
    </message>
    <message>
        <source>For example, its largest element:</source>
        <translation>例：絶対値が最大の要素：</translation>
    </message>
    <message>
        <source>Step forward to compute this layer.</source>
        <translation>順伝播を進めると、このレイヤが計算されます。</translation>
    </message>
    <message>
        <source>Click an element of a picture to see its numbers.</source>
        <translation>図の要素をクリックすると、その数値が表示されます。</translation>
    </message>
    <message>
        <source>the backward pass starts with 1 at the loss.</source>
        <translation>逆伝播は損失の 1 から始まります。</translation>
    </message>
    <message>
        <source>Its gradient arrives in the backward pass.</source>
        <translation>その勾配は逆伝播で届きます。</translation>
    </message>
    <message>
        <source>Backpropagation:</source>
        <translation>逆伝播：</translation>
    </message>
    <message>
        <source>Numerical derivative (central difference, h = 1e-4):</source>
        <translation>数値微分（中心差分、h = 1e-4）：</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>差：</translation>
    </message>
    <message>
        <source>the other {count} terms ({zeros} of them 0)</source>
        <translation>残りの {count} 項（うち {zeros} 項は 0）</translation>
    </message>
    <message>
        <source>Sum of {count} terms</source>
        <translation>{count} 項の和</translation>
    </message>
    <message>
        <source>The largest terms are shown; the sum is of all of them.</source>
        <translation>大きい項だけを示しています。和はすべての項のものです。</translation>
    </message>
    <message>
        <source>{operands} gives {result}: the shape of {array}, one gradient for each of its elements.</source>
        <translation>{operands} は {result} になります：{array} と同じ形状で、その要素ごとに勾配が 1 つあります。</translation>
    </message>
    <message>
        <source>{operands} summed over the batch axis gives {result}: the shape of {array}; every sample adds its gradient to the same bias.</source>
        <translation>{operands} をバッチの軸で合計すると {result} になります：{array} と同じ形状です。どのサンプルも同じバイアスに自分の勾配を足し込みます。</translation>
    </message>
    <message>
        <source>{x} &gt; 0: the mask lets the gradient through, {dout}.</source>
        <translation>{x} &gt; 0：マスクは勾配をそのまま通します、{dout}。</translation>
    </message>
    <message>
        <source>{x} ≤ 0: the mask stops the gradient; 0 flows back.</source>
        <translation>{x} ≤ 0：マスクが勾配を止め、0 が逆方向に流れます。</translation>
    </message>
    <message>
        <source>In this sample {passing} of {size} units pass their gradient.</source>
        <translation>このサンプルでは {size} 個のユニットのうち {passing} 個が勾配を通します。</translation>
    </message>
    <message>
        <source>The input is within h of 0, where ReLU bends: the central difference straddles the bend.</source>
        <translation>入力が 0 から h 以内で、ReLU が折れ曲がる点の近くです：中心差分はその折れ目をまたいでいます。</translation>
    </message>
    <message>
        <source>N = {n}: each sample's share of the mean loss.</source>
        <translation>N = {n}：平均した損失に占める各サンプルの割合です。</translation>
    </message>
</context>
<context>
    <name>DiffMapsBox</name>
    <message>
        <source>Where they differ: |numerical − backprop|</source>
        <translation>どこで違うか：|数値勾配 − 逆伝播|</translation>
    </message>
    <message>
        <source>White is no difference, dark the largest difference of that parameter (each map has its own scale). W1 is one 28×28 tile per hidden unit: pixels black in every image give 0 both ways. Hover over a map to read an element.</source>
        <translation>白は差がないこと、濃い色はそのパラメータで最大の差を表します（図ごとに目盛りが異なります）。W1 は隠れユニットごとに 28×28 のタイルで表示します：どの画像でも黒いピクセルは、どちらの方法でも 0 になります。図の上にマウスを置くと要素の値が読めます。</translation>
    </message>
    <message>
        <source>|numerical − backprop| of {name}</source>
        <translation>{name} の |数値勾配 − 逆伝播|</translation>
    </message>
    <message>
        <source>Run the check to see where the two gradients differ.</source>
        <translation>確認を実行すると、2 つの勾配がどこで違うかが分かります。</translation>
    </message>
    <message>
        <source>{name}: 0 to {largest}</source>
        <translation>{name}：0 ～ {largest}</translation>
    </message>
</context>
<context>
    <name>DigitView</name>
    <message>
        <source>Digit image</source>
        <translation>数字の画像</translation>
    </message>
</context>
<context>
    <name>DivergingLegend</name>
    <message>
        <source>How the tiles' colours read: blue is a negative weight, vermillion a positive one, the background colour zero.</source>
        <translation>タイルの色の読み方：青は負の重み、朱色は正の重み、背景色はゼロです。</translation>
    </message>
    <message>
        <source>− inhibits</source>
        <translation>− 抑制</translation>
    </message>
    <message>
        <source>+ excites</source>
        <translation>+ 興奮</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Downloading {dataset}…</source>
        <translation>{dataset} をダウンロードしています…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Download {dataset}</source>
        <translation>{dataset} のダウンロード</translation>
    </message>
    <message>
        <source>{file}: {done} of {total} MB</source>
        <translation>{file}：{done} / {total} MB</translation>
    </message>
    <message>
        <source>{file}: {done} MB</source>
        <translation>{file}：{done} MB</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <source>Write one digit here with the mouse or a pen; it is read as you write.</source>
        <extracomment>Side of the canvas in pixels (the drawing is this size whatever the screen's scaling). The pen's default width. A digit written across most of the square comes out of MNIST's scaling with strokes 2 to 3 pixels wide and about as much ink as MNIST's digits carry (measured: a "3" 200 pixels tall gets 86 units of ink, 140 pixels tall 114; MNIST's 3s average 112). Strokes kept for Undo.</extracomment>
        <translation>マウスかペンでここに数字を 1 つ書いてください。書いている間に読み取ります。</translation>
    </message>
    <message>
        <source>Drawing canvas</source>
        <translation>描画キャンバス</translation>
    </message>
    <message>
        <source>Drag the left mouse button or a pen to write; Delete clears, Ctrl+Z undoes.</source>
        <translation>マウスの左ボタンかペンでドラッグして書きます。Delete で消去、Ctrl+Z で元に戻します。</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Train a network or load one first.</source>
        <translation>先にネットワークを学習させるか、モデルを読み込んでください。</translation>
    </message>
    <message>
        <source>Draw a digit in the black square.</source>
        <translation>黒い四角の中に数字を書いてください。</translation>
    </message>
    <message>
        <source>The 28×28 image the network receives, pixel for pixel.</source>
        <translation>ネットワークが受け取る 28×28 の画像（1 ピクセルずつそのまま表示）。</translation>
    </message>
    <message>
        <source>Cle&amp;ar</source>
        <translation>消去(&amp;A)</translation>
    </message>
    <message>
        <source>Wipe the canvas to write another digit (Delete).</source>
        <translation>キャンバスを消して別の数字を書きます（Delete）。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last stroke or clear (Ctrl+Z).</source>
        <translation>最後のストロークや消去を取り消します（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>&amp;Sample digit</source>
        <translation>サンプルの数字(&amp;S)</translation>
    </message>
    <message>
        <source>Paint a random MNIST test digit, ten times enlarged, onto the canvas.</source>
        <translation>MNIST のテスト画像からランダムに選んだ数字を 10 倍に拡大してキャンバスに描きます。</translation>
    </message>
    <message>
        <source>&amp;Open picture…</source>
        <translation>画像を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Read a photo or scan of one digit (dark on light or light on dark) onto the canvas.</source>
        <translation>数字 1 つの写真やスキャン画像（明るい地に暗い字、暗い地に明るい字のどちらでも可）をキャンバスに読み込みます。</translation>
    </message>
    <message>
        <source>Width of the pen in pixels of the 280-pixel square; about 24 writes like MNIST.</source>
        <translation>280 ピクセル四方のキャンバス上でのペンの太さ（ピクセル）。24 前後で MNIST に近い線になります。</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>ペンの太さ</translation>
    </message>
    <message>
        <source>Pen &amp;width:</source>
        <translation>ペンの太さ(&amp;W)：</translation>
    </message>
    <message>
        <source>Write a digit</source>
        <translation>数字を書く</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>ネットワークが見る画像</translation>
    </message>
    <message>
        <source>As MNIST's digits were made: cropped to the ink, scaled so that the longer side is 20 pixels (keeping the shape), and placed in 28×28 with its centre of mass in the middle.</source>
        <translation>MNIST の数字と同じ手順で作ります：インクの範囲で切り出し、形を保ったまま長い辺が 20 ピクセルになるよう拡大縮小し、重心が中央に来るように 28×28 に置きます。</translation>
    </message>
    <message>
        <source>Train a network or load one first. Then draw a digit in the black square.</source>
        <translation>先にネットワークを学習させるか、モデルを読み込んでください。それから黒い四角の中に数字を書いてください。</translation>
    </message>
    <message>
        <source>Open a picture of a digit</source>
        <translation>数字の画像を開く</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open the picture</source>
        <translation>画像を開けません</translation>
    </message>
    <message>
        <source>The file could not be read as a picture:</source>
        <translation>このファイルは画像として読み込めませんでした：</translation>
    </message>
    <message>
        <source>No digit found</source>
        <translation>数字が見つかりません</translation>
    </message>
    <message>
        <source>{path}: the picture is blank or has too little contrast.</source>
        <translation>{path}：画像が空白か、コントラストが低すぎます。</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>1 秒未満</translation>
    </message>
    <message>
        <source>about a second</source>
        <translation>約 1 秒</translation>
    </message>
    <message>
        <source>about {count} seconds</source>
        <translation>約 {count} 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>約 1 分</translation>
    </message>
    <message>
        <source>about {count} minutes</source>
        <translation>約 {count} 分</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>約 1 時間</translation>
    </message>
    <message>
        <source>about {count} hours</source>
        <translation>約 {count} 時間</translation>
    </message>
    <message>
        <source>about {hours} hours ({days} days)</source>
        <translation>約 {hours} 時間（{days} 日）</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 時間 {minutes} 分</translation>
    </message>
</context>
<context>
    <name>ErrorPlot</name>
    <message>
        <source>|error|</source>
        <translation>|誤差|</translation>
    </message>
    <message>
        <source>Error of the numerical derivative against h</source>
        <translation>h に対する数値微分の誤差</translation>
    </message>
    <message>
        <source>central</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前方差分</translation>
    </message>
    <message>
        <source>rounding ∝ ε/h</source>
        <translation>丸め誤差 ∝ ε/h</translation>
    </message>
    <message>
        <source>truncation ∝ h²</source>
        <translation>打ち切り誤差 ∝ h²</translation>
    </message>
    <message>
        <source>truncation ∝ h</source>
        <translation>打ち切り誤差 ∝ h</translation>
    </message>
</context>
<context>
    <name>EvaluateTab</name>
    <message>
        <source>Train a network or load one (File → Load model).</source>
        <extracomment>The gallery shows at most this many mistakes (the most confident ones).</extracomment>
        <translation>ネットワークを学習させるか、モデルを読み込んでください（ファイル → モデルを読み込む）。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>適合率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>再現率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>true {true} → guess {guess}
({confidence})</source>
        <translation>正解 {true} → 予測 {guess}
({confidence})</translation>
    </message>
    <message>
        <source>true {true}
→ guess {guess}
({confidence})</source>
        <translation>正解 {true}
→ 予測 {guess}
({confidence})</translation>
    </message>
    <message>
        <source>Evaluate &amp;on the test set</source>
        <translation>テストデータで評価(&amp;O)</translation>
    </message>
    <message>
        <source>Score the current model on all test images: accuracy, confusion matrix, per-class metrics and the mistakes.</source>
        <translation>現在のモデルをすべてのテスト画像で評価します：認識精度、混同行列、クラスごとの指標、誤認識した画像。</translation>
    </message>
    <message>
        <source>Load &amp;model…</source>
        <translation>モデルを読み込む(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a saved model (.npz); it becomes the current model and is evaluated at once.</source>
        <translation>保存したモデル（.npz）を開きます。現在のモデルになり、すぐに評価されます。</translation>
    </message>
    <message>
        <source>Share of the test images whose top guess is right.</source>
        <translation>最も確率の高い予測が正しかったテスト画像の割合。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混同行列</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>クラスごと</translation>
    </message>
    <message>
        <source>Waiting for the test images to load…</source>
        <translation>テスト画像の読み込みを待っています…</translation>
    </message>
    <message>
        <source>Cannot evaluate this model</source>
        <translation>このモデルは評価できません</translation>
    </message>
    <message>
        <source>This model does not fit the test images:</source>
        <translation>このモデルはテスト画像に合いません：</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy}%  ({right} of {total} right, {wrong} wrong)</source>
        <translation>テストデータの認識精度 {accuracy}%（{total} 枚中 正解 {right} 枚、誤り {wrong} 枚）</translation>
    </message>
    <message>
        <source>TwoLayerNet(784, {hidden}, 10), {activation}, on the {dataset} test set</source>
        <translation>TwoLayerNet(784, {hidden}, 10)、{activation}、{dataset} のテストデータ</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>シード {seed}</translation>
    </message>
    <message>
        <source>weights as they were at this moment of the running training</source>
        <translation>重みは実行中の学習のこの時点のもの</translation>
    </message>
    <message>
        <source>note: this model was trained on {dataset}</source>
        <translation>注意：このモデルは {dataset} で学習したものです</translation>
    </message>
    <message>
        <source>No mistakes to show.</source>
        <translation>表示する誤りはありません。</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>モデルを読み込む</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>モデル (*.npz)</translation>
    </message>
    <message>
        <source>A different model is current now</source>
        <translation>現在のモデルが変わりました</translation>
    </message>
    <message>
        <source>The weights have changed (training)</source>
        <translation>重みが変わりました（学習中）</translation>
    </message>
    <message>
        <source>Another dataset is loaded</source>
        <translation>別のデータセットが読み込まれました</translation>
    </message>
    <message>
        <source>{reason} since this evaluation: press Evaluate to score the current weights.</source>
        <translation>この評価の後、{reason}。「評価」を押すと現在の重みで評価し直します。</translation>
    </message>
    <message>
        <source>No evaluation yet</source>
        <translation>まだ評価していません</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>モデルがまだありません</translation>
    </message>
    <message>
        <source>Press Evaluate to score the current model on the test set.</source>
        <translation>「評価」を押すと、現在のモデルをテストデータで評価します。</translation>
    </message>
    <message>
        <source>Press Evaluate.</source>
        <translation>「評価」を押してください。</translation>
    </message>
</context>
<context>
    <name>ExplanationBox</name>
    <message>
        <source>What the figures mean</source>
        <translation>数値の意味</translation>
    </message>
</context>
<context>
    <name>ExpressionField</name>
    <message>
        <source>Not changed:</source>
        <translation>変更しません：</translation>
    </message>
</context>
<context>
    <name>FieldPart</name>
    <message>
        <source>f must use exactly two variables, such as x0 and x1 (it uses {count}).</source>
        <extracomment>The book's grid: -2 to 2 in steps of 0.25, with half a step of margin around it. Grid steps across the shorter side of the view (18: the book's 0.25 over [-2.25, 2.25]). Samples across the view for the contour lines.</extracomment>
        <translation>f はちょうど 2 つの変数（x0 と x1 など）を使う必要があります（{count} 個使っています）。</translation>
    </message>
    <message>
        <source>Contours of f and the arrows of −∇f</source>
        <translation>f の等高線と −∇f の矢印</translation>
    </message>
    <message>
        <source>Click a point to see its partial derivatives.</source>
        <translation>点をクリックすると、その点の偏微分が表示されます。</translation>
    </message>
    <message>
        <source>f(x&amp;0, x1) =</source>
        <translation>f(x&amp;0, x1) =</translation>
    </message>
    <message>
        <source>&amp;Point:</source>
        <translation>点(&amp;P)：</translation>
    </message>
    <message>
        <source>No gradient at this point: {reason}</source>
        <translation>この点では勾配を求められません：{reason}</translation>
    </message>
    <message>
        <source>numerical_gradient(f, np.array([{x0}, {x1}])) = {gradient}</source>
        <translation>numerical_gradient(f, np.array([{x0}, {x1}])) = {gradient}</translation>
    </message>
    <message>
        <source>∂f/∂{a} = {da},  ∂f/∂{b} = {db};  exact by backpropagation: ({ea}, {eb}). The arrows point along −∇f, downhill.</source>
        <translation>∂f/∂{a} = {da}、∂f/∂{b} = {db}；誤差逆伝播法による正確な値：({ea}, {eb})。矢印は −∇f、つまり下り坂の向きを指します。</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Save model</source>
        <translation>モデルを保存</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>保存するものがありません</translation>
    </message>
    <message>
        <source>Train a network (or load one) first.</source>
        <translation>先にネットワークを学習させる（または読み込む）必要があります。</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>モデルを保存できませんでした</translation>
    </message>
    <message>
        <source>The model was not saved; an existing file keeps its contents.</source>
        <translation>モデルは保存されませんでした。既存のファイルの内容は変わっていません。</translation>
    </message>
    <message>
        <source>Model saved to {path}</source>
        <translation>モデルを {path} に保存しました</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>モデルを読み込む</translation>
    </message>
    <message>
        <source>Loaded {file}: hidden size {hidden}, {activation}, seed {seed}</source>
        <translation>{file} を読み込みました：隠れ層のサイズ {hidden}、{activation}、シード {seed}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>No history to export</source>
        <translation>書き出す学習履歴がありません</translation>
    </message>
    <message>
        <source>Finish or stop a run first.</source>
        <translation>先に学習を完了するか停止してください。</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>学習履歴の書き出し</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV ファイル</translation>
    </message>
    <message>
        <source>Could not export the history</source>
        <translation>学習履歴を書き出せませんでした</translation>
    </message>
    <message>
        <source>The history was not written; an existing file keeps its contents.</source>
        <translation>学習履歴は書き出されませんでした。既存のファイルの内容は変わっていません。</translation>
    </message>
    <message>
        <source>History of runs {numbers} written to {path}</source>
        <translation>実行 {numbers} の学習履歴を {path} に書き出しました</translation>
    </message>
    <message>
        <source>(the run in progress is not included)</source>
        <translation>（実行中の学習は含まれません）</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 図</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <source>Unknown format</source>
        <translation>不明な形式</translation>
    </message>
    <message>
        <source>Plots can be exported as .png or .svg.</source>
        <translation>グラフは .png または .svg で書き出せます。</translation>
    </message>
    <message>
        <source>Could not export the plots</source>
        <translation>グラフを書き出せませんでした</translation>
    </message>
    <message>
        <source>The plots could not be written:</source>
        <translation>グラフを書き込めませんでした：</translation>
    </message>
    <message>
        <source>Plots written: {files}</source>
        <translation>グラフを書き出しました：{files}</translation>
    </message>
</context>
<context>
    <name>FunctionPlot</name>
    <message>
        <source>f(x) with the point and its tangent</source>
        <extracomment>Points of the curve across the visible range. Errors below this are drawn on it (an exact difference has error 0, off a log axis). Where the dragged point snaps: multiples of this, so 5 and 10 are reached exactly.</extracomment>
        <translation>f(x) と選んだ点、その接線</translation>
    </message>
</context>
<context>
    <name>GradientCheckTab</name>
    <message>
        <source>Parameter</source>
        <extracomment>Column headers (English; translated when the table is built).</extracomment>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>mean |diff|</source>
        <translation>平均 |差|</translation>
    </message>
    <message>
        <source>max |diff|</source>
        <translation>最大 |差|</translation>
    </message>
    <message>
        <source>max relative error</source>
        <translation>最大相対誤差</translation>
    </message>
    <message>
        <source>1e-7 in log</source>
        <extracomment>The parameters' names are the book's and stay as they are in every language.</extracomment>
        <translation>log 内の 1e-7</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Speed ratio</source>
        <translation>速度比</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why the two gradients are not identical.&lt;/b&gt; The numerical gradient estimates each slope by central differences, (f(x+h) − f(x−h)) / 2h with the book's h = 10&lt;sup&gt;−4&lt;/sup&gt;. That estimate carries a truncation error which shrinks like h², and a rounding error of about ε/h (ε ≈ 10&lt;sup&gt;−16&lt;/sup&gt; in float64) from subtracting two almost equal losses. Both are tiny: around 10&lt;sup&gt;−10&lt;/sup&gt; at most.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;2つの勾配が一致しない理由。&lt;/b&gt;数値勾配は各点の傾きを中心差分 (f(x+h) − f(x−h)) / 2h で推定します（本書では h = 10&lt;sup&gt;−4&lt;/sup&gt;）。この推定には、h² に比例して小さくなる打ち切り誤差と、ほぼ等しい2つの損失を引き算することによる約 ε/h の丸め誤差（float64 では ε ≈ 10&lt;sup&gt;−16&lt;/sup&gt;）が含まれます。どちらもごく小さく、大きくても 10&lt;sup&gt;−10&lt;/sup&gt; 程度です。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The 10&lt;sup&gt;−7&lt;/sup&gt; inside the log.&lt;/b&gt; The book's cross_entropy_error computes −log(y + 10&lt;sup&gt;−7&lt;/sup&gt;) so that log(0) can never happen. The numerical gradient differentiates that loss, constant and all, while backpropagation uses the clean formula (y − t) / N, which is the slope of the loss &lt;i&gt;without&lt;/i&gt; the constant. So the two methods differentiate slightly different functions, and the gap grows to about 10&lt;sup&gt;−7&lt;/sup&gt; for b2, the parameter nearest the loss. Untick the box to make the constant 0: both then differentiate the same loss, and the differences fall to the book's printed 10&lt;sup&gt;−13&lt;/sup&gt; to 10&lt;sup&gt;−10&lt;/sup&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;log の中の 10&lt;sup&gt;−7&lt;/sup&gt;。&lt;/b&gt;本書の cross_entropy_error は、log(0) が起きないように −log(y + 10&lt;sup&gt;−7&lt;/sup&gt;) を計算します。数値勾配はこの定数を含んだ損失をそのまま微分しますが、誤差逆伝播法は定数を&lt;i&gt;含まない&lt;/i&gt;損失の傾きである簡潔な式 (y − t) / N を使います。そのため2つの方法はわずかに異なる関数を微分しており、損失に最も近いパラメータ b2 では差が約 10&lt;sup&gt;−7&lt;/sup&gt; まで大きくなります。チェックボックスをオフにすると定数は 0 になり、両者は同じ損失を微分するので、差は本書に載っている 10&lt;sup&gt;−13&lt;/sup&gt; ～ 10&lt;sup&gt;−10&lt;/sup&gt; まで下がります。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reading the table.&lt;/b&gt; A correct backpropagation gives differences many orders of magnitude below the gradients themselves (relative errors well under 10&lt;sup&gt;−4&lt;/sup&gt;); a bug in a backward pass shows up as a relative error near 1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;表の読み方。&lt;/b&gt;誤差逆伝播法が正しければ、差は勾配そのものより何桁も小さくなります（相対誤差は 10&lt;sup&gt;−4&lt;/sup&gt; を大きく下回ります）。逆伝播（backward）に誤りがあると、相対誤差は 1 に近くなります。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How many training images the loss is computed on (the book's gradient_check.py uses the first 3).</source>
        <extracomment>At most this many of the checked images' labels are listed. The settings column's narrowest width, in pixels (wider when its texts need it).</extracomment>
        <translation>損失の計算に使う訓練画像の枚数（本書の gradient_check.py は最初の 3 枚を使います）。</translation>
    </message>
    <message>
        <source>Hidden units of the network to check; the numerical gradient's time grows with the number of weights (50 gives 39,760).</source>
        <translation>確認するネットワークの隠れ層のニューロン数。数値勾配の計算時間は重みの数とともに増えます（50 なら 39,760 個）。</translation>
    </message>
    <message>
        <source>The hidden layer's activation function.</source>
        <translation>隠れ層の活性化関数。</translation>
    </message>
    <message>
        <source>Seed of the random initial weights: the same seed gives the same figures.</source>
        <translation>重みの初期値を決める乱数のシード。同じシードなら同じ結果になります。</translation>
    </message>
    <message>
        <source>&amp;Use the book's 1e-7 inside the log</source>
        <translation>log の中で本書の 1e-7 を使う(&amp;U)</translation>
    </message>
    <message>
        <source>Checked: the loss is −log(y + 1e-7) as in the book. Unchecked: −log(y), which reproduces the book's printed differences of 1e-13 to 1e-10.</source>
        <translation>オン：本書と同じく損失は −log(y + 1e-7)。オフ：損失は −log(y) となり、本書に載っている 1e-13 ～ 1e-10 の差を再現します。</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>確認を実行(&amp;R)</translation>
    </message>
    <message>
        <source>Compute the gradient by central differences and by backpropagation, and compare.</source>
        <translation>中心差分と誤差逆伝播法の両方で勾配を求めて比較します。</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>キャンセル(&amp;N)</translation>
    </message>
    <message>
        <source>Stop the numerical gradient; nothing else is changed.</source>
        <translation>数値勾配の計算を中止します。ほかには何も変わりません。</translation>
    </message>
    <message>
        <source>Hidden la&amp;yer size:</source>
        <translation>隠れ層のサイズ(&amp;Y)：</translation>
    </message>
    <message>
        <source>Activati&amp;on:</source>
        <translation>活性化関数(&amp;O)：</translation>
    </message>
    <message>
        <source>Numerical gradient: {percent}% done, {remaining} left</source>
        <translation>数値勾配：{percent}% 完了、残り{remaining}</translation>
    </message>
    <message>
        <source>Parameters whose numerical derivative is done (two losses each).</source>
        <translation>数値微分が済んだパラメータ（1つにつき損失を 2 回計算）。</translation>
    </message>
    <message>
        <source>Numerical gradient progress</source>
        <translation>数値勾配の進捗</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>サンプル数(&amp;S)：</translation>
    </message>
    <message>
        <source>Rando&amp;m seed:</source>
        <translation>乱数シード(&amp;M)：</translation>
    </message>
    <message>
        <source>TwoLayerNet(784, {hidden}, 10) has {count} parameters: the numerical gradient computes the loss {losses} times, backpropagation once forward and once backward.</source>
        <translation>TwoLayerNet(784, {hidden}, 10) のパラメータは {count} 個です。数値勾配は損失を {losses} 回計算しますが、誤差逆伝播法は順伝播と逆伝播を 1 回ずつ行うだけです。</translation>
    </message>
    <message>
        <source>Too many samples</source>
        <translation>サンプル数が多すぎます</translation>
    </message>
    <message>
        <source>The training set has only {count} images.</source>
        <translation>訓練データには {count} 枚の画像しかありません。</translation>
    </message>
    <message>
        <source>Numerical gradient running…</source>
        <translation>数値勾配を計算中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Done: numerical {numerical}, backprop {backprop}.</source>
        <translation>完了：数値勾配 {numerical}、逆伝播 {backprop}。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Gradient check cancelled.</source>
        <translation>勾配確認をキャンセルしました。</translation>
    </message>
    <message>
        <source>The gradient check failed.</source>
        <translation>勾配確認に失敗しました。</translation>
    </message>
    <message>
        <source>Gradient check failed</source>
        <translation>勾配確認の失敗</translation>
    </message>
    <message>
        <source>The gradient check stopped with an error:</source>
        <translation>勾配確認はエラーで止まりました：</translation>
    </message>
    <message>
        <source>{done} / {total} parameters</source>
        <translation>{done} / {total} パラメータ</translation>
    </message>
    <message>
        <source>The first {dataset} training image (label {labels})</source>
        <translation>{dataset} の最初の訓練画像（ラベル {labels}）</translation>
    </message>
    <message>
        <source>The first {count} {dataset} training images (labels {labels})</source>
        <translation>{dataset} の最初の {count} 枚の訓練画像（ラベル {labels}）</translation>
    </message>
    <message>
        <source>Waiting for the training images to load…</source>
        <translation>訓練画像の読み込みを待っています…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>準備完了。</translation>
    </message>
</context>
<context>
    <name>GradientTable</name>
    <message>
        <source>Gradients: backprop vs numerical</source>
        <translation>勾配：逆伝播と数値勾配の比較</translation>
    </message>
    <message>
        <source>Backpropagation against the numerical derivative of chapter 4.</source>
        <translation>誤差逆伝播法と第 4 章の数値微分を比べます。</translation>
    </message>
    <message>
        <source>Gradients of the inputs</source>
        <translation>各入力の勾配</translation>
    </message>
    <message>
        <source>Each input's gradient by backpropagation beside the central difference {formula}; click a row to select that input.</source>
        <translation>各入力について、誤差逆伝播法による勾配と中心差分 {formula} の値を並べて示します。行をクリックするとその入力を選択します。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>逆伝播</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数値勾配</translation>
    </message>
    <message>
        <source>Gradients ∂{output}/∂input: backprop vs numerical</source>
        <translation>勾配 ∂{output}/∂入力：逆伝播と数値勾配の比較</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定義</translation>
    </message>
</context>
<context>
    <name>GraphChooser</name>
    <message>
        <source>Choose one of the book's graphs, or build one from the expression field.</source>
        <translation>本書の計算グラフを選ぶか、式の欄に入力した式から計算グラフを作ります。</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>プリセット(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. {first}  or  {second}</source>
        <translation>例：{first} または {second}</translation>
    </message>
    <message>
        <source>Type a formula with + - * /, exp(), log(), numbers and names, then press Enter to draw its graph.</source>
        <translation>+ - * /、exp()、log()、数値、名前を使った式を入力し、Enter キーを押すと計算グラフを描きます。</translation>
    </message>
    <message>
        <source>E&amp;xpression:</source>
        <translation>式(&amp;X)：</translation>
    </message>
    <message>
        <source>Why the expression could not be drawn.</source>
        <translation>式を描けなかった理由。</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>{symbol} node computing {name}: click for its rule</source>
        <extracomment>Distance between rows of the layout. Inputs and constants are right-aligned this far right of their column. Label slots are reserved for the numbers the labels will show once both passes are done, and never narrower than this. Preferred positions of the labels along an arrow (fraction of its length), best first. Longer output names are shortened.</extracomment>
        <translation>{name} を計算する{symbol}ノード：クリックで規則を表示</translation>
    </message>
    <message>
        <source>Input {name}: click to edit its value</source>
        <translation>入力 {name}：クリックで値を編集</translation>
    </message>
    <message>
        <source>The constant {value}</source>
        <translation>定数 {value}</translation>
    </message>
</context>
<context>
    <name>GraphTab</name>
    <message>
        <source>Apples</source>
        <extracomment>(combo text in English, preset key); the key "expression" builds the graph from the expression field. The texts are translated (context "GraphTab") when the combo is filled.</extracomment>
        <translation>りんご</translation>
    </message>
    <message>
        <source>Apples and oranges</source>
        <translation>りんごとみかん</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid 関数</translation>
    </message>
    <message>
        <source>Your own expression</source>
        <translation>自分で入力した式</translation>
    </message>
    <message>
        <source>Graph: {name}</source>
        <translation>計算グラフ：{name}</translation>
    </message>
    <message>
        <source>Not drawn:</source>
        <translation>描けません：</translation>
    </message>
    <message>
        <source>Expression not drawn:</source>
        <translation>式を描けません：</translation>
    </message>
    <message>
        <source>Graph of {expression}</source>
        <translation>{expression} の計算グラフ</translation>
    </message>
    <message>
        <source>The graph stops here:</source>
        <translation>計算グラフはここで止まります：</translation>
    </message>
    <message>
        <source>{name} = {value} refused:</source>
        <translation>{name} = {value} は受け付けられません：</translation>
    </message>
    <message>
        <source>Value refused:</source>
        <translation>この値は受け付けられません：</translation>
    </message>
    <message>
        <source>Ready: only the inputs are known. Press Forward step ({key}) to compute the first node.</source>
        <translation>準備完了：分かっているのは入力だけです。「順伝播ステップ」（{key}）を押すと最初のノードを計算します。</translation>
    </message>
    <message>
        <source>Forward pass, step {step} of {count}: the {symbol} node computed {name} = {value}. Forward pass done; now Backward step ({key}).</source>
        <translation>順伝播 {step}/{count} ステップ目：{symbol}ノードが {name} = {value} を計算しました。順伝播は完了です。次は「逆伝播ステップ」（{key}）です。</translation>
    </message>
    <message>
        <source>Forward pass, step {step} of {count}: the {symbol} node computed {name} = {value}.</source>
        <translation>順伝播 {step}/{count} ステップ目：{symbol}ノードが {name} = {value} を計算しました。</translation>
    </message>
    <message>
        <source>Backward pass, step {step} of {count}: the {symbol} node passed gradients back to {targets}.</source>
        <translation>逆伝播 {step}/{count} ステップ目：{symbol}ノードが {targets} へ勾配を逆に伝えました。</translation>
    </message>
    <message>
        <source>Done: {name} = {value}; every gradient is shown in red below its arrow.</source>
        <translation>完了：{name} = {value}。すべての勾配が矢印の下に赤で表示されています。</translation>
    </message>
    <message>
        <source>How to read it: the number above an arrow is the value flowing forward; &lt;span style='color:{colour}'&gt;&lt;b&gt;the red number below&lt;/b&gt;&lt;/span&gt; is the gradient flowing back, the derivative of the result with respect to that value. The node just computed is outlined (blue forward, red backward); numbers it just produced are bold.</source>
        <translation>読み方：矢印の上の数字は順方向に流れる値、&lt;span style='color:{colour}'&gt;&lt;b&gt;下の赤い数字&lt;/b&gt;&lt;/span&gt;は逆方向に流れる勾配、つまりその値に関する結果の微分です。直前に計算したノードは色付きの枠で示され（順伝播は青、逆伝播は赤）、そのノードが出した数字は太字になります。</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>The computation graph: values above the arrows, gradients below in red. Click a node or an input; drag to pan; Ctrl+wheel to zoom.</source>
        <translation>計算グラフ：矢印の上が値、下の赤い数字が勾配です。ノードや入力をクリックして選択、ドラッグで移動、Ctrl+ホイールで拡大・縮小します。</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>計算グラフ</translation>
    </message>
    <message>
        <source>The graph's nodes, inputs and arrows with their values and gradients; click a node or an input to show it in the side panel.</source>
        <translation>計算グラフのノード・入力・矢印と、その値と勾配。ノードや入力をクリックするとサイドパネルに詳細を表示します。</translation>
    </message>
</context>
<context>
    <name>HistoryBox</name>
    <message>
        <source>Checks so far: mean |diff| per parameter, newest first</source>
        <translation>これまでの確認：パラメータごとの平均 |差|（新しい順）</translation>
    </message>
    <message>
        <source>Checks so far</source>
        <translation>これまでの確認</translation>
    </message>
    <message>
        <source>Every check finished in this session, newest first, with its mean |diff| per parameter: run with and without the 1e-7 to compare.</source>
        <translation>今回の起動中に完了したすべての確認（新しい順）と、パラメータごとの平均 |差|。1e-7 ありとなしで実行して比べてみましょう。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no (0)</source>
        <translation>なし (0)</translation>
    </message>
</context>
<context>
    <name>HyperparameterPanel</name>
    <message>
        <source>Book ch.5 (hidden 50, lr 0.1)</source>
        <extracomment>Presets: an English name (the key; translated only for display) and the configuration it stands for. A preset sets every one of ``PRESET_FIELDS``; the seed and the dataset stay.</extracomment>
        <translation>本書の第5章（隠れ層 50、学習率 0.1）</translation>
    </message>
    <message>
        <source>Hidden 100, lr 0.5</source>
        <translation>隠れ層 100、学習率 0.5</translation>
    </message>
    <message>
        <source>Custom</source>
        <extracomment>Every field a preset sets: all the panel shows except the seed and the dataset.</extracomment>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Fill in a configuration from the book: chapter 5's network, or the larger one with a higher learning rate that reaches about 98% on the test set.</source>
        <translation>本書の設定を入力します：第5章のネットワーク、または学習率を上げてテストデータで約 98% に達する大きめのネットワーク。</translation>
    </message>
    <message>
        <source>MNIST (bundled)</source>
        <translation>MNIST（同梱）</translation>
    </message>
    <message>
        <source>Fashion-MNIST (download)</source>
        <translation>Fashion-MNIST（ダウンロード）</translation>
    </message>
    <message>
        <source>The images to learn from: handwritten digits (shipped with the app) or Zalando's clothing pictures in the same format (downloaded once, about 30 MB).</source>
        <translation>学習に使う画像：手書き数字（アプリに同梱）、または同じ形式の Zalando の衣料品の画像（初回だけダウンロード、約 30 MB）。</translation>
    </message>
    <message>
        <source>How many training images to learn from (a random subset); fewer images train faster but generalise worse.</source>
        <translation>学習に使う訓練画像の枚数（ランダムに選んだ一部）。少ないほど学習は速くなりますが、汎化性能は下がります。</translation>
    </message>
    <message>
        <source>Number of neurons in the hidden layer (the book uses 50).</source>
        <translation>隠れ層のニューロンの数（本書では 50）。</translation>
    </message>
    <message>
        <source>The hidden layer's activation function: ReLU (chapter 5's network) or the sigmoid of chapter 4.</source>
        <translation>隠れ層の活性化関数：ReLU（第5章のネットワーク）または第4章のシグモイド関数。</translation>
    </message>
    <message>
        <source>Gaussian, std</source>
        <translation>ガウス分布、標準偏差</translation>
    </message>
    <message>
        <source>How the initial weights are drawn: a Gaussian with the standard deviation on the right (the book's 0.01), or scaled by the layer's inputs (He for ReLU, Xavier for sigmoid).</source>
        <translation>重みの初期値の決め方：右で指定する標準偏差のガウス分布（本書では 0.01）、または層への入力の数に応じた大きさ（ReLU には He、シグモイドには Xavier）。</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian initial weights (the book's weight_init_std).</source>
        <translation>ガウス分布で決める重みの初期値の標準偏差（本書の weight_init_std）。</translation>
    </message>
    <message>
        <source>Standard deviation of the initial weights</source>
        <translation>重みの初期値の標準偏差</translation>
    </message>
    <message>
        <source>How far each update moves the weights along the negative gradient; it can be changed while training runs.</source>
        <translation>1 回の更新で重みを負の勾配の方向へ動かす大きさ。学習中でも変更できます。</translation>
    </message>
    <message>
        <source>Images per mini-batch: each update uses the gradient averaged over this many.</source>
        <translation>ミニバッチあたりの画像の数：各更新ではこの枚数で平均した勾配を使います。</translation>
    </message>
    <message>
        <source>Number of updates (the book's iters_num); one epoch is training size / batch size iterations.</source>
        <translation>更新の回数（本書の iters_num）。1 エポックは「訓練画像数 ÷ バッチサイズ」イテレーションです。</translation>
    </message>
    <message>
        <source>The update rule: plain stochastic gradient descent as in chapters 4-5, or the chapter-6 methods for comparison.</source>
        <translation>パラメータの更新方法：第4～5章の素朴な確率的勾配降下法 (SGD)、または比較のための第6章の手法。</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>誤差逆伝播法</translation>
    </message>
    <message>
        <source>Numerical (very slow)</source>
        <translation>数値微分（非常に遅い）</translation>
    </message>
    <message>
        <source>How the gradient is computed: backpropagation (chapter 5) or central differences (chapter 4), thousands of times slower.</source>
        <translation>勾配の求め方：誤差逆伝播法（第5章）または中心差分（第4章）。中心差分は数千倍遅くなります。</translation>
    </message>
    <message>
        <source>Random, with replacement (book)</source>
        <translation>ランダム・重複あり（本書の方法）</translation>
    </message>
    <message>
        <source>Shuffle each epoch</source>
        <translation>エポックごとにシャッフル</translation>
    </message>
    <message>
        <source>How mini-batches are drawn: independently at random as the book does, or by walking through a fresh shuffle of the training set every epoch.</source>
        <translation>ミニバッチの選び方：本書と同じく毎回独立にランダムに選ぶか、エポックごとに訓練データをシャッフルし直して順に取り出すか。</translation>
    </message>
    <message>
        <source>float32 (fast)</source>
        <translation>float32（高速）</translation>
    </message>
    <message>
        <source>float64 (as in the book)</source>
        <translation>float64（本書と同じ）</translation>
    </message>
    <message>
        <source>Floating-point precision of the weights: float32 is about twice as fast; the results are practically the same.</source>
        <translation>重みの浮動小数点数の精度：float32 はおよそ 2 倍速く、結果はほぼ同じです。</translation>
    </message>
    <message>
        <source>Random seed for the initial weights and the batches: the same seed repeats a run exactly; 'random' draws a new one each time.</source>
        <translation>重みの初期値とミニバッチの乱数シード：同じシードなら同じ学習を正確に再現します。「ランダム」では毎回新しいシードを使います。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>プリセット(&amp;P)：</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>データセット：</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>訓練画像数：</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>学習率(&amp;R)：</translation>
    </message>
    <message>
        <source>Iteratio&amp;ns:</source>
        <translation>イテレーション数(&amp;N)：</translation>
    </message>
    <message>
        <source>Optimi&amp;zer:</source>
        <translation>最適化手法(&amp;Z)：</translation>
    </message>
    <message>
        <source>Gr&amp;adient:</source>
        <translation>勾配(&amp;A)：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>数値の精度：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>乱数シード(&amp;S)：</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Hidden la&amp;yer size:</source>
        <translation>隠れ層のサイズ(&amp;Y)：</translation>
    </message>
    <message>
        <source>Activati&amp;on:</source>
        <translation>活性化関数(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Weight init:</source>
        <translation>重みの初期値(&amp;W)：</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>バッチサイズ(&amp;B)：</translation>
    </message>
    <message>
        <source>Sa&amp;mpling:</source>
        <translation>サンプリング(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>InputFields</name>
    <message>
        <source>Inputs (Enter applies):</source>
        <extracomment>The editable inputs, in the order shown.</extracomment>
        <translation>入力（Enter で反映）：</translation>
    </message>
    <message>
        <source>The input x: two numbers, as 0.6, 0.9</source>
        <translation>入力 x：2 つの数。例：0.6, 0.9</translation>
    </message>
    <message>
        <source>The label t: one-hot as 0, 0, 1, or the class as 2</source>
        <translation>ラベル t：one-hot 表現で 0, 0, 1、またはクラス番号で 2</translation>
    </message>
    <message>
        <source>The weights W: two rows of three, a semicolon between the rows</source>
        <translation>重み W：3 つずつ 2 行、行の間はセミコロンで区切ります</translation>
    </message>
</context>
<context>
    <name>InsideTab</name>
    <message>
        <source>Train a network or load one first: its first-layer weights appear here.</source>
        <extracomment>The most redraws a second while weights stream in from a training run. A redraw may take at most this share of the GUI thread's time: with a large hidden layer (one redraw of 1,000 units takes tens of milliseconds) the redraws are spaced further. Test images the activations are computed on (the same ones every time: seed 0). A sigmoid output this close to 0 or 1 is saturated: its gradient is below 0.01.</extracomment>
        <translation>先にネットワークを学習させるか、モデルを読み込んでください。第 1 層の重みがここに表示されます。</translation>
    </message>
    <message>
        <source>Same &amp;scale for all tiles</source>
        <translation>全タイルで同じスケール(&amp;S)</translation>
    </message>
    <message>
        <source>Scale every tile by the largest weight of the whole layer instead of its own, so that weak units look pale.</source>
        <translation>各タイルを自分の最大値ではなく層全体の最大の重みでスケーリングします。弱いニューロンは淡く表示されます。</translation>
    </message>
    <message>
        <source>Each tile is one hidden unit's 784 incoming weights (a column of W1), laid out as the 28×28 image they multiply. Ink on vermillion pixels switches the unit on, ink on blue pixels switches it off. Hover over a tile for its unit number; click it for details.</source>
        <translation>各タイルは隠れ層のニューロン 1 つへの 784 個の入力の重み（W1 の 1 列）で、掛け合わせる 28×28 の画像の形に並べてあります。朱色のピクセルにインクがあるとニューロンはオンに、青のピクセルにあるとオフになります。タイルにマウスを重ねるとニューロンの番号を、クリックすると詳細を表示します。</translation>
    </message>
    <message>
        <source>How often each output value occurs: every hidden unit on every image of the batch.</source>
        <translation>各出力値の出現回数：バッチのすべての画像に対する、すべての隠れ層ニューロンの出力。</translation>
    </message>
    <message>
        <source>Histogram of the hidden outputs</source>
        <translation>隠れ層の出力のヒストグラム</translation>
    </message>
    <message>
        <source>count</source>
        <translation>度数</translation>
    </message>
    <message>
        <source>hidden output</source>
        <translation>隠れ層の出力</translation>
    </message>
    <message>
        <source>For each hidden unit: the share of the batch's images it responds to (ReLU) or its mean output (sigmoid). Click a bar to see that unit.</source>
        <translation>隠れ層のニューロンごとに、反応した画像がバッチに占める割合（ReLU）または平均出力（sigmoid）。棒をクリックするとそのニューロンを表示します。</translation>
    </message>
    <message>
        <source>Activity of each hidden unit</source>
        <translation>隠れ層の各ニューロンの活動</translation>
    </message>
    <message>
        <source>share of images</source>
        <translation>画像の割合</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>隠れ層のニューロン</translation>
    </message>
    <message>
        <source>Click a tile or a bar to see one unit.</source>
        <translation>タイルか棒をクリックすると、そのニューロンを表示します。</translation>
    </message>
    <message>
        <source>First layer: W1, one tile per hidden unit</source>
        <translation>第 1 層：W1（隠れ層のニューロンごとに 1 タイル）</translation>
    </message>
    <message>
        <source>Hidden outputs on {count} test images</source>
        <translation>テスト画像 {count} 枚に対する隠れ層の出力</translation>
    </message>
    <message>
        <source>No network yet.</source>
        <translation>ネットワークがまだありません。</translation>
    </message>
    <message>
        <source>This network takes {inputs} inputs; its weights cannot be shown as 28×28 pictures.</source>
        <translation>このネットワークの入力は {inputs} 個なので、重みを 28×28 の画像として表示できません。</translation>
    </message>
    <message>
        <source>Loading the test images…</source>
        <translation>テスト画像を読み込み中…</translation>
    </message>
    <message>
        <source>sigmoid output</source>
        <translation>sigmoid の出力</translation>
    </message>
    <message>
        <source>Saturated (within 0.01 of 0 or 1, where the gradient almost vanishes): {percent}% of the outputs. Mean output {mean}.</source>
        <translation>飽和（0 または 1 から 0.01 以内で、勾配がほぼ消える）：出力の {percent}%。平均出力 {mean}。</translation>
    </message>
    <message>
        <source>ReLU output (zeros left out)</source>
        <translation>ReLU の出力（ゼロを除く）</translation>
    </message>
    <message>
        <source>All {hidden} units are dead (zero for every image): the network can only guess. A learning rate far too large does this.</source>
        <translation>{hidden} 個のニューロンがすべて死んでいます（どの画像でも出力がゼロ）。ネットワークは当て推量しかできません。学習率が大きすぎるとこうなります。</translation>
    </message>
    <message>
        <source>Zero outputs: {percent}% of all. Dead units (zero for all {images} images): {dead} of {hidden}.</source>
        <translation>ゼロの出力：全体の {percent}%。死んだニューロン（{images} 枚すべての画像でゼロ）：{hidden} 個中 {dead} 個。</translation>
    </message>
    <message>
        <source>mean output</source>
        <translation>平均出力</translation>
    </message>
    <message>
        <source>Unit {unit}: votes most for class {favourite} (W2 {weight})</source>
        <translation>ニューロン {unit}：最も強く推すクラスは {favourite}（W2 {weight}）</translation>
    </message>
    <message>
        <source>Unit {unit}: votes most for class {favourite} (W2 {weight}); mean output {mean} on the batch.</source>
        <translation>ニューロン {unit}：最も強く推すクラスは {favourite}（W2 {weight}）。バッチでの平均出力は {mean}。</translation>
    </message>
    <message>
        <source>Unit {unit}: votes most for class {favourite} (W2 {weight}); responds to {percent}% of the batch's images.</source>
        <translation>ニューロン {unit}：最も強く推すクラスは {favourite}（W2 {weight}）。バッチの画像の {percent}% に反応します。</translation>
    </message>
</context>
<context>
    <name>LayerGraphView</name>
    <message>
        <source>The network as its layers: each arrow carries an array (its shape above it), values in the cards, gradients framed in red. Click a layer or an element; Ctrl+wheel zooms.</source>
        <translation>レイヤで描いたニューラルネットワーク：矢印はそれぞれ配列を運び（形状は矢印の上）、カードに値、赤い枠に勾配を示します。レイヤか要素をクリックしてください。Ctrl+ホイールで拡大縮小します。</translation>
    </message>
    <message>
        <source>Layer graph</source>
        <translation>レイヤの計算グラフ</translation>
    </message>
</context>
<context>
    <name>LayerKind</name>
    <message>
        <source>Affine: passes dY·Wᵀ back to X; W receives Xᵀ·dY and b the sum of dY over the batch</source>
        <translation>Affine：X へ dY·Wᵀ を返し、W は Xᵀ·dY、b はバッチにわたる dY の和を受け取ります</translation>
    </message>
    <message>
        <source>matrix product: passes dY·Wᵀ back to x; W receives xᵀ·dY</source>
        <translation>行列の積：x へ dY·Wᵀ を返し、W は xᵀ·dY を受け取ります</translation>
    </message>
    <message>
        <source>ReLU: passes dout back where x &gt; 0 and 0 where x ≤ 0 (the mask)</source>
        <translation>ReLU：x &gt; 0 のところでは dout を、x ≤ 0 のところでは 0 を返します（マスク）</translation>
    </message>
    <message>
        <source>Sigmoid: passes dout·y(1 − y) back, y being its own output</source>
        <translation>Sigmoid：dout·y(1 − y) を返します。y は自身の出力です</translation>
    </message>
    <message>
        <source>Softmax-with-Loss: passes (y − t)/N back to the scores, row by row</source>
        <translation>Softmax-with-Loss：スコアへ (y − t)/N を行ごとに返します</translation>
    </message>
</context>
<context>
    <name>LayerStepper</name>
    <message>
        <source>For&amp;ward step</source>
        <translation>順伝播ステップ(&amp;W)</translation>
    </message>
    <message>
        <source>Run the next layer forward</source>
        <translation>次のレイヤを順伝播で計算します</translation>
    </message>
    <message>
        <source>&amp;Backward step</source>
        <translation>逆伝播ステップ(&amp;B)</translation>
    </message>
    <message>
        <source>Pass the gradient back through the next layer (after the forward pass)</source>
        <translation>次のレイヤを通して勾配を逆向きに伝えます（順伝播のあと）</translation>
    </message>
    <message>
        <source>Step bac&amp;k</source>
        <translation>1 ステップ戻る(&amp;K)</translation>
    </message>
    <message>
        <source>Undo the last step, forward or backward</source>
        <translation>直前のステップ（順伝播・逆伝播とも）を取り消します</translation>
    </message>
    <message>
        <source>R&amp;un all</source>
        <translation>すべて実行(&amp;U)</translation>
    </message>
    <message>
        <source>Finish the forward and the backward pass at once</source>
        <translation>順伝播と逆伝播を一度に最後まで実行します</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>リセット(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the start: only the data and the parameters are known</source>
        <translation>最初に戻ります：分かっているのはデータとパラメータだけです</translation>
    </message>
    <message>
        <source>Fit &amp;all</source>
        <translation>全体を表示(&amp;A)</translation>
    </message>
    <message>
        <source>Fit the whole network into the view again (Ctrl+wheel zooms)</source>
        <translation>ネットワーク全体をもう一度表示に収めます（Ctrl+ホイールで拡大縮小）</translation>
    </message>
    <message>
        <source>Ready: Forward step (F7) runs the first layer.</source>
        <translation>準備完了：順伝播ステップ（F7）で最初のレイヤを計算します。</translation>
    </message>
    <message>
        <source>Done: L = {loss}; every gradient is shown in red.</source>
        <translation>完了：L = {loss}。すべての勾配を赤で示しています。</translation>
    </message>
    <message>
        <source>Forward pass done: L = {loss}. Backward step (F8) starts the backward pass.</source>
        <translation>順伝播が完了：L = {loss}。逆伝播ステップ（F8）で逆伝播を始めます。</translation>
    </message>
    <message>
        <source>Forward: {layer} computed {array}.</source>
        <translation>順伝播：{layer} が {array} を計算しました。</translation>
    </message>
    <message>
        <source>Backward: {layer} passed the gradient back.</source>
        <translation>逆伝播：{layer} が勾配を逆向きに伝えました。</translation>
    </message>
</context>
<context>
    <name>LayersTab</name>
    <message>
        <source>The rule of the layer or element you clicked, with this batch's numbers</source>
        <translation>クリックしたレイヤや要素の規則を、このバッチの数値で示します</translation>
    </message>
    <message>
        <source>There is no model yet: train one or load one, or choose a fresh network.</source>
        <translation>まだモデルがありません：学習するか読み込むか、新しいネットワークを選んでください。</translation>
    </message>
    <message>
        <source>This network cannot be drawn:</source>
        <translation>このネットワークは描けません：</translation>
    </message>
    <message>
        <source>This batch cannot be drawn:</source>
        <translation>このバッチは描けません：</translation>
    </message>
    <message>
        <source>The paused iteration's batch in the layer graph: {count} images</source>
        <translation>一時停止した反復のバッチをレイヤの計算グラフに表示：画像 {count} 枚</translation>
    </message>
    <message>
        <source>x, W and t as the book prints them; edit them below.</source>
        <translation>x、W、t は本に載っている値です。下で編集できます。</translation>
    </message>
    <message>
        <source>The current model (already updated by this iteration) on the paused iteration's batch.</source>
        <translation>現在のモデル（この反復で更新済み）を、一時停止した反復のバッチに適用しています。</translation>
    </message>
    <message>
        <source>TwoLayerNet({sizes}) on the first {n} training images.</source>
        <translation>TwoLayerNet({sizes})、最初の {n} 枚の訓練画像に適用。</translation>
    </message>
    <message>
        <source>The graph stops here:</source>
        <translation>計算グラフはここで止まります：</translation>
    </message>
    <message>
        <source>{name} changed; the graph is recomputed</source>
        <translation>{name} を変更しました。計算グラフを計算し直しました</translation>
    </message>
    <message>
        <source>{name} refused; the old value is kept:</source>
        <translation>{name} は受け付けられません。元の値のままです：</translation>
    </message>
    <message>
        <source>Not computed yet: step on to reach it.</source>
        <translation>まだ計算されていません：ステップを進めると届きます。</translation>
    </message>
    <message>
        <source>Click a layer to see its rule with this batch's numbers, or an element of a picture to see how it was computed, beside its numerical derivative.</source>
        <translation>レイヤをクリックするとその規則をこのバッチの数値で、図の要素をクリックするとその計算過程を数値微分と並べて表示します。</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>&amp;Open lesson…</source>
        <extracomment>Room the dock's separator and margins take beside the tabs (pixels). A lesson's zoom kept for a window without a zoom yet.</extracomment>
        <translation>レッスンを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Save l&amp;esson…</source>
        <translation>レッスンを保存(&amp;E)…</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>レッスンを開く</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>Lesson opened: {title}</source>
        <translation>レッスンを開きました：{title}</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>レッスンを開けませんでした</translation>
    </message>
    <message>
        <source>The lesson {name} was not opened; the window is unchanged.</source>
        <translation>レッスン {name} は開かれていません。ウィンドウは変わっていません。</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>レッスンを保存</translation>
    </message>
    <message>
        <source>Could not save the lesson</source>
        <translation>レッスンを保存できませんでした</translation>
    </message>
    <message>
        <source>The lesson was not saved; an existing file keeps its contents.</source>
        <translation>レッスンは保存されていません。既存のファイルの内容はそのままです。</translation>
    </message>
    <message>
        <source>Lesson saved to {path}</source>
        <translation>レッスンを {path} に保存しました</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>レッスン(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonFile</name>
    <message>
        <source>larger than {size} KB: not a lesson</source>
        <extracomment>The languages a lesson's texts are written in; English is required, the others fall back to it. The tabs a lesson may name (a window may not have them all: it refuses what it lacks). The translation context of the messages below (the window shows them in its language).</extracomment>
        <translation>{size} KB を超えています：レッスンではありません</translation>
    </message>
    <message>
        <source>not a lesson: the file is not UTF-8 text</source>
        <translation>レッスンではありません：ファイルが UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>not a lesson: nested more than {limit} levels deep</source>
        <translation>レッスンではありません：入れ子が {limit} 段を超えています</translation>
    </message>
    <message>
        <source>not a lesson: not valid JSON ({reason}, line {line}, column {column})</source>
        <translation>レッスンではありません：正しい JSON ではありません（{reason}、{line} 行 {column} 列）</translation>
    </message>
    <message>
        <source>not a lesson: {name} is not a number a lesson may hold</source>
        <translation>レッスンではありません：{name} はレッスンに書ける数値ではありません</translation>
    </message>
    <message>
        <source>not a lesson: the key {key} appears twice</source>
        <translation>レッスンではありません：キー {key} が 2 回現れます</translation>
    </message>
    <message>
        <source>not a desktop_nn lesson (its "format" is not "{format}")</source>
        <translation>desktop_nn のレッスンではありません（"format" が "{format}" ではありません）</translation>
    </message>
    <message>
        <source>unknown entries in the lesson: {keys}</source>
        <translation>レッスンに不明な項目があります：{keys}</translation>
    </message>
    <message>
        <source>the lesson has no title</source>
        <translation>レッスンにタイトルがありません</translation>
    </message>
    <message>
        <source>the lesson's version is not a whole number of at least 1</source>
        <translation>レッスンのバージョンが 1 以上の整数ではありません</translation>
    </message>
    <message>
        <source>this lesson was made by a newer desktop_nn (lesson format {version}; this version reads format {known}): update desktop_nn to open it</source>
        <translation>このレッスンは新しい desktop_nn で作られています（レッスン形式 {version}、このバージョンが読めるのは形式 {known}）：開くには desktop_nn を更新してください</translation>
    </message>
    <message>
        <source>{name} must map languages ({languages}) to texts</source>
        <translation>{name} は言語（{languages}）ごとのテキストでなければなりません</translation>
    </message>
    <message>
        <source>{name}: unknown language {language} (use {languages})</source>
        <translation>{name}：不明な言語 {language}（{languages} を使ってください）</translation>
    </message>
    <message>
        <source>{name} in {language} must be a text of at most {length} characters</source>
        <translation>{language} の {name} は {length} 文字以下のテキストでなければなりません</translation>
    </message>
    <message>
        <source>the lesson's {name} has no English text</source>
        <translation>レッスンの {name} に英語のテキストがありません</translation>
    </message>
    <message>
        <source>{name}: unknown tab {value} (use one of {tabs})</source>
        <translation>{name}：不明なタブ {value}（次のいずれかを使ってください：{tabs}）</translation>
    </message>
    <message>
        <source>zoom must be a whole percentage from {low} to {high}</source>
        <translation>zoom は {low} から {high} までの整数のパーセントでなければなりません</translation>
    </message>
    <message>
        <source>hide must be a list of at most {count} control names</source>
        <translation>hide は最大 {count} 個のコントロール名のリストでなければなりません</translation>
    </message>
    <message>
        <source>hide: {name} is not a control's name</source>
        <translation>hide：{name} はコントロールの名前ではありません</translation>
    </message>
    <message>
        <source>tabs must map tab names to their settings</source>
        <translation>tabs はタブ名ごとの設定でなければなりません</translation>
    </message>
    <message>
        <source>tabs: the settings of {key} are not a set of named values</source>
        <translation>tabs：{key} の設定が名前付きの値の組ではありません</translation>
    </message>
    <message>
        <source>the lesson holds what JSON cannot: {reason}</source>
        <translation>レッスンに JSON で表せないものが含まれています：{reason}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Lesson</source>
        <extracomment>The narrowest the panel is as a column beside the tabs (pixels).</extracomment>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>The lesson's instructions</source>
        <translation>レッスンの説明</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>レッスンを閉じる</translation>
    </message>
    <message>
        <source>Close the lesson: the controls it hid come back; the settings stay as they are.</source>
        <translation>レッスンを閉じます。隠されていたコントロールが戻り、設定はそのままです。</translation>
    </message>
</context>
<context>
    <name>LessonState</name>
    <message>
        <source>{part}.expression is refused: {reason}</source>
        <translation>{part}.expression は受け付けられません：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a pair of numbers [x0, x1]</source>
        <translation>{key} は数値の組 [x0, x1] でなければなりません</translation>
    </message>
    <message>
        <source>the tab's settings are not a set of named values</source>
        <extracomment>The translation context of the messages that refuse a lesson's state. The tab's stable name in lesson files ("training", "graph", "layers", ...).</extracomment>
        <translation>このタブの設定が名前付きの値の集まりになっていません</translation>
    </message>
    <message>
        <source>unknown setting(s): {names}</source>
        <translation>不明な設定：{names}</translation>
    </message>
    <message>
        <source>{key} must be a number</source>
        <translation>{key} は数値でなければなりません</translation>
    </message>
    <message>
        <source>{key} must be a whole number</source>
        <translation>{key} は整数でなければなりません</translation>
    </message>
    <message>
        <source>{key} must be between {low:g} and {high:g}</source>
        <translation>{key} は {low:g} から {high:g} の間でなければなりません</translation>
    </message>
    <message>
        <source>{key} must be one of: {choices}</source>
        <translation>{key} は次のいずれかでなければなりません：{choices}</translation>
    </message>
    <message>
        <source>{key} must be text</source>
        <translation>{key} はテキストでなければなりません</translation>
    </message>
    <message>
        <source>{key} is longer than {length} characters</source>
        <translation>{key} が {length} 文字を超えています</translation>
    </message>
    <message>
        <source>{key} must be true or false</source>
        <translation>{key} は true か false でなければなりません</translation>
    </message>
    <message>
        <source>expression is only used with the preset "expression"</source>
        <extracomment>Input values a lesson may give (the graphs' values stay readable well inside this). The longest expression a lesson may hold.</extracomment>
        <translation>expression はプリセット "expression" でのみ使えます</translation>
    </message>
    <message>
        <source>the graph cannot be stepped that far: {reason}</source>
        <translation>計算グラフをそこまで進められません：{reason}</translation>
    </message>
    <message>
        <source>the preset "expression" needs an expression</source>
        <translation>プリセット "expression" には expression が必要です</translation>
    </message>
    <message>
        <source>the expression is refused: {reason}</source>
        <translation>式は受け付けられません：{reason}</translation>
    </message>
    <message>
        <source>{name} = {value:g} is refused: {reason}</source>
        <translation>{name} = {value:g} は受け付けられません：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a list of {count} numbers</source>
        <translation>{key} は {count} 個の数値のリストでなければなりません</translation>
    </message>
    <message>
        <source>{key} must be a list of {count} finite numbers</source>
        <translation>{key} は {count} 個の有限の数値のリストでなければなりません</translation>
    </message>
    <message>
        <source>{keys} apply to the simple network only</source>
        <translation>{keys} は simpleNet にのみ使えます</translation>
    </message>
    <message>
        <source>t must be one-hot: one 1 and two 0</source>
        <translation>t は one-hot 表現でなければなりません：1 が一つと 0 が二つ</translation>
    </message>
    <message>
        <source>W must be two rows of 3 numbers</source>
        <translation>W は 3 個の数値からなる 2 行でなければなりません</translation>
    </message>
    <message>
        <source>the layer graph cannot be built: {reason}</source>
        <translation>レイヤの計算グラフを作れません：{reason}</translation>
    </message>
    <message>
        <source>this version of desktop_nn has no {tabs} tab; the lesson needs it</source>
        <translation>このバージョンの desktop_nn には {tabs} タブがありませんが、レッスンはそれを必要とします</translation>
    </message>
    <message>
        <source>hide: no control named {names} can be hidden</source>
        <translation>hide：{names} という名前の隠せるコントロールはありません</translation>
    </message>
    <message>
        <source>the numerical gradient needs dtype "float64"</source>
        <extracomment>The whole-number fields, and those that may be null (a fresh seed, every training image). The panel's boxes hold at most this (Qt's spin boxes are 32-bit; the seed's box is not). The controls a lesson may hide: the panel's fields, the speed control, the run buttons, the runs table and its buttons.</extracomment>
        <translation>数値微分による勾配には dtype "float64" が必要です</translation>
    </message>
    <message>
        <source>the training settings are refused: {reason}</source>
        <translation>学習の設定は受け付けられません：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a number between {low:g} and {high:g} or one of: {names}</source>
        <translation>{key} は {low:g} から {high:g} の間の数値か、次のいずれかでなければなりません：{names}</translation>
    </message>
    <message>
        <source>{key} must be at most {limit}</source>
        <translation>{key} は {limit} 以下でなければなりません</translation>
    </message>
    <message>
        <source>speed must be null (full speed) or one of: {choices}</source>
        <translation>speed は null（全速）か、次のいずれかでなければなりません：{choices}</translation>
    </message>
    <message>
        <source>a training run is going on: stop it first</source>
        <translation>学習の実行中です：先に停止してください</translation>
    </message>
</context>
<context>
    <name>LossControls</name>
    <message>
        <source>The window's model</source>
        <extracomment>The slider runs from -SLIDER_HALF to SLIDER_HALF: one sweep value per position.</extracomment>
        <translation>ウィンドウのモデル</translation>
    </message>
    <message>
        <source>A fresh network</source>
        <translation>新しいネットワーク</translation>
    </message>
    <message>
        <source>The network trained in the Training tab (or loaded), or a new one with the book's initial weights.</source>
        <translation>「学習」タブで学習した（または読み込んだ）ネットワーク、または本書の初期の重みを持つ新しいネットワーク。</translation>
    </message>
    <message>
        <source>The parameter array; of its elements, the one with the largest gradient is nudged.</source>
        <translation>パラメータの配列。その要素のうち、勾配が最も大きいものを動かします。</translation>
    </message>
    <message>
        <source>How many test images are scored.</source>
        <translation>評価に使うテスト画像の枚数。</translation>
    </message>
    <message>
        <source>How far the slider nudges the weight either way.</source>
        <translation>スライダーで重みを左右に動かせる幅。</translation>
    </message>
    <message>
        <source>Nudge the weight</source>
        <translation>重みを少し動かす</translation>
    </message>
    <message>
        <source>Add to the weight, from minus to plus the reach.</source>
        <translation>重みに −幅 から +幅 までの値を加えます。</translation>
    </message>
    <message>
        <source>The loss changes with every nudge of the weight; the accuracy only when one image's top class changes, in steps of one image, and is flat in between. Its derivative is zero almost everywhere, so it could not tell learning which way to go: that is why a network learns from its loss (section 4.2.5).</source>
        <translation>重みを少し動かすたびに損失関数の値は変わりますが、認識精度はある画像の最上位のクラスが変わったときだけ画像 1 枚分ずつ階段状に変わり、その間は平らです。その微分はほとんどの場所で 0 なので、学習にどちらへ進むべきかを教えられません。これが、ニューラルネットワークが損失関数を指標に学習する理由です（4.2.5 節）。</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>ネットワーク(&amp;W)：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>重み：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>画像数：</translation>
    </message>
    <message>
        <source>Reach ±</source>
        <translation>幅 ±</translation>
    </message>
    <message>
        <source>&amp;Nudge:</source>
        <translation>動かす(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>LossPart</name>
    <message>
        <source>loss</source>
        <extracomment>The fresh network: the book's sizes, its initial weights, a fixed seed.</extracomment>
        <translation>損失関数</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>The loss against the weight</source>
        <translation>重みに対する損失関数</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>認識精度 (%)</translation>
    </message>
    <message>
        <source>The accuracy against the weight</source>
        <translation>重みに対する認識精度</translation>
    </message>
    <message>
        <source>Waiting for the data to load…</source>
        <translation>データの読み込みを待っています…</translation>
    </message>
    <message>
        <source>The window's current model.</source>
        <translation>ウィンドウの現在のモデル。</translation>
    </message>
    <message>
        <source>A fresh network (the book's initial weights, seed 0).</source>
        <translation>新しいネットワーク（本書の初期の重み、シード 0）。</translation>
    </message>
    <message>
        <source>No model yet: a fresh network (seed 0).</source>
        <translation>まだモデルがありません：新しいネットワーク（シード 0）を使います。</translation>
    </message>
    <message>
        <source>{name} = {value:.4f} (nudged by {offset:+.4f}): loss {loss:.6f}, accuracy {accuracy:.1f} % of {count} test images</source>
        <translation>{name} = {value:.4f}（{offset:+.4f} 動かした値）：損失 {loss:.6f}、テスト画像 {count} 枚の認識精度 {accuracy:.1f} %</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>loss</source>
        <extracomment>How often the faint raw loss curve is redrawn (the smoothed line follows every frame). Points drawn of the smoothed loss line (it is smooth: a point every few pixels suffices). The loss axis's top when a run starts: above the first losses of a network of ten classes (ln 10 = 2.30), with the margin the axis keeps when it grows; the first frame then does not change the axis (its labels laid out and drawn again).</extracomment>
        <translation>損失</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>イテレーション</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>損失のグラフ</translation>
    </message>
    <message>
        <source>The training loss after each iteration: raw values faint, their moving average bold, earlier runs faded.</source>
        <translation>各イテレーション後の訓練データの損失：生の値は薄く、その移動平均は太く、以前の実行は淡い色で表示します。</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>今回の実行</translation>
    </message>
    <message>
        <source>lr {rate}</source>
        <extracomment>Learning-rate markers of the current run, and of each overlay.</extracomment>
        <translation>学習率 {rate}</translation>
    </message>
    <message>
        <source>iteration {iteration}: loss {loss} (smoothed {smoothed})</source>
        <translation>イテレーション {iteration}：損失 {loss}（平滑化 {smoothed}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Deep Learning from Scratch, chapters 4–5</source>
        <translation>ゼロから作るDeep Learning 第4～5章</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>Could not load the data:</source>
        <translation>データを読み込めませんでした：</translation>
    </message>
    <message>
        <source>Loading MNIST in the background…</source>
        <translation>MNIST をバックグラウンドで読み込んでいます…</translation>
    </message>
    <message>
        <source>&amp;Computation graph</source>
        <translation>計算グラフ(&amp;C)</translation>
    </message>
    <message>
        <source>Layer graph (ch. &amp;5)</source>
        <translation>レイヤの計算グラフ（5 章）(&amp;5)</translation>
    </message>
    <message>
        <source>&amp;Gradient check</source>
        <translation>勾配確認(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Inside</source>
        <translation>ネットワークの内部(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>手書き(&amp;D)</translation>
    </message>
    <message>
        <source>Chapter &amp;4</source>
        <translation>第 4 章(&amp;4)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>モデルを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>モデルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;history as CSV…</source>
        <translation>学習履歴を CSV に書き出す(&amp;H)…</translation>
    </message>
    <message>
        <source>Export &amp;plots as PNG/SVG…</source>
        <translation>グラフを PNG/SVG に書き出す(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;all runs as CSV…</source>
        <translation>すべての実行を CSV に書き出す(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Eva&amp;luate</source>
        <translation>評価(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About desktop_nn</source>
        <translation>desktop_nn について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Follow the system</source>
        <translation>システムの設定に従う(&amp;F)</translation>
    </message>
    <message>
        <source>The window already speaks this language.</source>
        <translation>すでにこの言語で表示しています。</translation>
    </message>
    <message>
        <source>Data loaded; note:</source>
        <translation>データを読み込みました。注意：</translation>
    </message>
    <message>
        <source>Loading {dataset}…</source>
        <translation>{dataset} を読み込んでいます…</translation>
    </message>
    <message>
        <source>Download {dataset}?</source>
        <translation>{dataset} をダウンロードしますか？</translation>
    </message>
    <message>
        <source>{dataset} is not on this computer yet. Download it now (about 30 MB, checked against its published checksums)?</source>
        <translation>{dataset} はまだこのコンピュータにありません。今すぐダウンロードしますか？（約 30 MB、公開されているチェックサムで検証します）</translation>
    </message>
    <message>
        <source>{dataset} downloaded; loading…</source>
        <translation>{dataset} をダウンロードしました。読み込んでいます…</translation>
    </message>
    <message>
        <source>Could not download {dataset}</source>
        <translation>{dataset} をダウンロードできませんでした</translation>
    </message>
    <message>
        <source>The download failed; the window goes on with MNIST.</source>
        <translation>ダウンロードに失敗しました。引き続き MNIST を使います。</translation>
    </message>
    <message>
        <source>Download of {dataset} cancelled</source>
        <translation>{dataset} のダウンロードを取り消しました</translation>
    </message>
    <message>
        <source>About</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <source>&lt;p&gt;A lab for chapters 4 and 5 of the book: train the two-layer network on MNIST and watch it learn, compare numerical and backpropagated gradients, and step through computation graphs.&lt;/p&gt;</source>
        <extracomment>The book's title and its editions, the same in every language (names are not translated).</extracomment>
        <translation>&lt;p&gt;本書の第4章と第5章のための実験室です。MNIST で 2 層ニューラルネットワークを学習させてその様子を観察し、数値勾配と誤差逆伝播法による勾配を比べ、計算グラフを 1 ステップずつ実行できます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Book: Koki Saito, {title} ({editions}), chapters 4 and 5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;書籍：斎藤康毅『{title}』（{editions}）、第4章と第5章。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Data: the MNIST database of handwritten digits by {mnist_authors}, licensed under {mnist_licence}. Fashion-MNIST (downloaded on request) by {fashion_authors}, MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;データ：MNIST 手書き数字データベース（作成 {mnist_authors}、ライセンス {mnist_licence}）。Fashion-MNIST（必要なときにダウンロード、作成 {fashion_authors}、MIT ライセンス）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MetricsTable</name>
    <message>
        <source>Per-class precision, recall and F1</source>
        <translation>クラスごとの適合率・再現率・F1</translation>
    </message>
    <message>
        <source>Precision: of the images guessed as this class, the share that are. Recall: of this class's images, the share found. F1: their harmonic mean. Click a header to sort.</source>
        <translation>適合率：このクラスと予測した画像のうち、実際にこのクラスだった割合。再現率：このクラスの画像のうち、正しく見つけられた割合。F1：両者の調和平均。見出しをクリックすると並べ替えます。</translation>
    </message>
</context>
<context>
    <name>MistakeDetail</name>
    <message>
        <source>Selected mistake</source>
        <translation>選択した誤り</translation>
    </message>
    <message>
        <source>The network's probability for each class; the true class's label is bold.</source>
        <translation>ネットワークが各クラスに与えた確率。正解クラスのラベルは太字です。</translation>
    </message>
    <message>
        <source>Test image {index}: true {true}, guessed {guess} with {guess_percent}% (right).</source>
        <translation>テスト画像 {index}：正解 {true}、{guess_percent}% で {guess} と予測（正しい）。</translation>
    </message>
    <message>
        <source>Test image {index}: true {true}, guessed {guess} with {guess_percent}% (wrong). The true class had {true_percent}%.</source>
        <translation>テスト画像 {index}：正解 {true}、{guess_percent}% で {guess} と予測（誤り）。正解クラスの確率は {true_percent}% でした。</translation>
    </message>
</context>
<context>
    <name>MistakesBox</name>
    <message>
        <source>Misclassified test images</source>
        <translation>誤認識したテスト画像</translation>
    </message>
    <message>
        <source>Test images the network got wrong, the most confident mistakes first; select one to see its probabilities.</source>
        <translation>ネットワークが誤認識したテスト画像（確信度の高い誤りから順に）。選択すると各クラスの確率を表示します。</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>すべて表示(&amp;A)</translation>
    </message>
    <message>
        <source>List every kind of mistake again, not one cell's.</source>
        <translation>1 つのセルだけでなく、すべての誤りを再び一覧表示します。</translation>
    </message>
    <message>
        <source>Test image {index}</source>
        <translation>テスト画像 {index}</translation>
    </message>
    <message>
        <source>{count} mistakes</source>
        <translation>誤り {count} 件</translation>
    </message>
    <message>
        <source>{count} images of {true} taken for {guess}</source>
        <translation>{guess} と誤認された {true} の画像 {count} 枚</translation>
    </message>
    <message>
        <source>{list}, the most confident first</source>
        <translation>{list}（確信度の高い順）</translation>
    </message>
    <message>
        <source>{list} (the first {limit} shown)</source>
        <translation>{list}（最初の {limit} 件を表示）</translation>
    </message>
</context>
<context>
    <name>ModelLoading</name>
    <message>
        <source>Training is running</source>
        <translation>学習中です</translation>
    </message>
    <message>
        <source>Stop the run before loading a model.</source>
        <translation>モデルを読み込む前に学習を停止してください。</translation>
    </message>
    <message>
        <source>Could not load the model</source>
        <translation>モデルを読み込めませんでした</translation>
    </message>
    <message>
        <source>The file was not loaded; the current network is unchanged.</source>
        <translation>ファイルは読み込まれませんでした。現在のネットワークはそのままです。</translation>
    </message>
</context>
<context>
    <name>NetChooser</name>
    <message>
        <source>simpleNet (section 4.4.2)</source>
        <extracomment>The networks of the combo box, by the data of their item.</extracomment>
        <translation>simpleNet（4.4.2 節）</translation>
    </message>
    <message>
        <source>MNIST: the current model</source>
        <translation>MNIST：現在のモデル</translation>
    </message>
    <message>
        <source>MNIST: a fresh network from a seed</source>
        <translation>MNIST：乱数シードから作る新しいネットワーク</translation>
    </message>
    <message>
        <source>The book's simpleNet (2 inputs, 3 outputs, every number on screen), or TwoLayerNet on the first training images: the model of the Training tab or a fresh one.</source>
        <translation>本の simpleNet（入力 2 つ、出力 3 つで、すべての数値が画面に収まります）、または最初の訓練画像に適用した TwoLayerNet：学習タブのモデルか新しいネットワークです。</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>ネットワーク(&amp;N)：</translation>
    </message>
    <message>
        <source>How many training images the batch holds (N).</source>
        <translation>バッチに含める訓練画像の枚数（N）。</translation>
    </message>
    <message>
        <source>I&amp;mages N:</source>
        <translation>画像の枚数 N(&amp;M)：</translation>
    </message>
    <message>
        <source>The seed a fresh network's weights are drawn from.</source>
        <translation>新しいネットワークの重みを生成する乱数シード。</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>乱数シード(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>NodeDetailPanel</name>
    <message>
        <source>the constant {value}</source>
        <translation>定数 {value}</translation>
    </message>
    <message>
        <source>∂{output}/∂{input} by backpropagation: {gradient}</source>
        <translation>誤差逆伝播法による ∂{output}/∂{input}：{gradient}</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>まだ到達していません</translation>
    </message>
    <message>
        <source>∂{output}/∂{input} by central difference: {gradient}</source>
        <translation>中心差分による ∂{output}/∂{input}：{gradient}</translation>
    </message>
    <message>
        <source>undefined here</source>
        <translation>ここでは定義されません</translation>
    </message>
    <message>
        <source>Input {input}</source>
        <translation>入力 {input}</translation>
    </message>
    <message>
        <source>An input of the graph. Its gradient says how much {output} changes when {input} grows by a small amount; change the value to see both update.</source>
        <translation>計算グラフの入力です。その勾配は、{input} をわずかに増やしたときに {output} がどれだけ変わるかを表します。値を変えると両方の勾配が更新されます。</translation>
    </message>
    <message>
        <source>Constant {value}</source>
        <translation>定数 {value}</translation>
    </message>
    <message>
        <source>A fixed number. The backward pass sends a gradient to it too, but nothing can change it.</source>
        <translation>固定された数です。逆伝播はここにも勾配を伝えますが、値が変わることはありません。</translation>
    </message>
    <message>
        <source>gradient: {gradient}</source>
        <translation>勾配：{gradient}</translation>
    </message>
    <message>
        <source>forward: {output} not computed yet (press Forward step)</source>
        <translation>順伝播：{output} はまだ計算されていません（「順伝播ステップ」を押してください）</translation>
    </message>
    <message>
        <source>forward: {formula}</source>
        <translation>順伝播：{formula}</translation>
    </message>
    <message>
        <source>backward: not reached yet</source>
        <translation>逆伝播：まだ到達していません</translation>
    </message>
    <message>
        <source>backward: dout = {dout}</source>
        <translation>逆伝播：dout = {dout}</translation>
    </message>
    <message>
        <source>{symbol} node: {name}</source>
        <translation>{symbol}ノード：{name}</translation>
    </message>
    <message>
        <source>Selected node</source>
        <translation>選択したノード</translation>
    </message>
    <message>
        <source>The rule of the node you clicked, with the numbers of this step.</source>
        <translation>クリックしたノードの規則を、このステップの数値とともに示します。</translation>
    </message>
    <message>
        <source>Click a node in the graph to see its rule with the current numbers; click an input to change its value.</source>
        <translation>グラフのノードをクリックすると、現在の数値を当てはめた規則が表示されます。入力をクリックすると値を変更できます。</translation>
    </message>
    <message>
        <source>The input's value: type a number and press Enter, or use the arrows; the graph recomputes what it has shown so far.</source>
        <translation>入力の値：数値を入力して Enter キーを押すか、矢印で変更します。計算グラフはこれまでに表示した部分を計算し直します。</translation>
    </message>
    <message>
        <source>Val&amp;ue:</source>
        <translation>値(&amp;U)：</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>何も選択されていません</translation>
    </message>
</context>
<context>
    <name>NodeKind</name>
    <message>
        <source>multiply: passes dout·y to x and dout·x to y (the inputs swap places)</source>
        <translation>乗算：x には dout·y を、y には dout·x を渡す（入力を入れ替える）</translation>
    </message>
    <message>
        <source>add: passes dout unchanged to both inputs</source>
        <translation>加算：dout をそのまま両方の入力に渡す</translation>
    </message>
    <message>
        <source>subtract: passes dout to x and -dout to y</source>
        <translation>減算：x には dout を、y には -dout を渡す</translation>
    </message>
    <message>
        <source>divide: passes dout/y to x and -dout·x/y² to y</source>
        <translation>除算：x には dout/y を、y には -dout·x/y² を渡す</translation>
    </message>
    <message>
        <source>exponential: passes dout·exp(x) to x, i.e. dout times its own output</source>
        <translation>指数関数：x には dout·exp(x)、つまり dout と自身の出力との積を渡す</translation>
    </message>
    <message>
        <source>reciprocal: passes -dout·y² to x, y being its own output</source>
        <translation>逆数：x には -dout·y² を渡す（y は自身の出力）</translation>
    </message>
    <message>
        <source>natural logarithm: passes dout/x to x</source>
        <translation>自然対数：x には dout/x を渡す</translation>
    </message>
    <message>
        <source>power: passes dout·y·x^(y-1) to x and dout·z·log(x) to y</source>
        <translation>べき乗：x には dout·y·x^(y-1) を、y には dout·z·log(x) を渡す</translation>
    </message>
    <message>
        <source>power by a constant c: passes dout·c·x^(c-1) to x</source>
        <translation>定数 c 乗：x には dout·c·x^(c-1) を渡す</translation>
    </message>
</context>
<context>
    <name>PlotOptions</name>
    <message>
        <source>Window of the moving average drawn over the raw loss, in iterations.</source>
        <extracomment>The smoothing window, in iterations: its range and its first value.</extracomment>
        <translation>生の損失に重ねて描く移動平均の幅（イテレーション数）。</translation>
    </message>
    <message>
        <source>Smoothing of the loss curve</source>
        <translation>損失のグラフの平滑化</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑化：</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis ({key}).</source>
        <translation>損失を対数目盛で表示します（{key}）。</translation>
    </message>
    <message>
        <source>{count} it</source>
        <translation>{count} 回</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>The network reads</source>
        <extracomment>The answer's height in pixels at the window's actual size.</extracomment>
        <translation>ネットワークの読み取り結果</translation>
    </message>
    <message>
        <source>The class the network gives the highest probability, and all ten.</source>
        <translation>ネットワークが最も高い確率を与えたクラスと、10 クラスすべての確率。</translation>
    </message>
    <message>
        <source>{percent}% sure; next: {runner_up} ({runner_up_percent}%)</source>
        <translation>確信度 {percent}%、次点：{runner_up}（{runner_up_percent}%）</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Zoom &amp;in</source>
        <extracomment>The settings key of the zoom level, in percent. Presentation mode shows the texts at least this large (or one step above the zoom).</extracomment>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with larger text, for a projector; Esc leaves it</source>
        <translation>全画面で文字を大きく表示します（プロジェクター向け）。Esc で終了します</translation>
    </message>
    <message>
        <source>Zoom: {percent}%</source>
        <translation>ズーム：{percent}%</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Class probabilities</source>
        <translation>各クラスの確率</translation>
    </message>
</context>
<context>
    <name>ResultsBox</name>
    <message>
        <source>Numerical gradient against backpropagation</source>
        <translation>数値勾配と誤差逆伝播法の比較</translation>
    </message>
    <message>
        <source>Run the check to time both methods.</source>
        <translation>確認を実行すると、両方の方法の所要時間を計測します。</translation>
    </message>
    <message>
        <source>Per parameter: the mean absolute difference (the figure the book prints), the largest one, and the largest difference relative to the gradients' size.</source>
        <translation>パラメータごとに、絶対差の平均（本書に載っている値）、絶対差の最大値、勾配の大きさに対する差の最大値を示します。</translation>
    </message>
    <message>
        <source>Numerical gradient {numerical}, backpropagation {backprop} (the best of {runs} runs after a warm-up run): backprop was {speedup} times faster.</source>
        <translation>数値勾配 {numerical}、誤差逆伝播法 {backprop}（ウォームアップを 1 回行った後、{runs} 回の実行で最速の値）：逆伝播のほうが {speedup} 倍速い結果でした。</translation>
    </message>
    <message>
        <source>1e-7 (the book's)</source>
        <translation>1e-7（本書と同じ）</translation>
    </message>
    <message>
        <source>{images}; TwoLayerNet(784, {hidden}, 10), {activation}, seed {seed}, float64; constant inside the log: {delta}.</source>
        <translation>{images}。TwoLayerNet(784, {hidden}, 10)、{activation}、シード {seed}、float64。log 内の定数：{delta}。</translation>
    </message>
</context>
<context>
    <name>RunBook</name>
    <message>
        <source>Kept run skipped: {note}</source>
        <extracomment>The settings key that switches keeping the trained networks of runs off (true by default). Notes on kept runs that could not be read, until they are said.</extracomment>
        <translation>保存済みの実行をスキップしました：{note}</translation>
    </message>
    <message>
        <source>The run is shown but could not be kept: {reason}</source>
        <translation>実行は表示されていますが、保存できませんでした：{reason}</translation>
    </message>
    <message>
        <source>The oldest kept runs were dropped to stay within the size limit: {names}</source>
        <translation>容量の上限に収めるため、最も古い保存済みの実行を削除しました：{names}</translation>
    </message>
    <message>
        <source>Cannot rename the run</source>
        <translation>実行の名前を変更できません</translation>
    </message>
    <message>
        <source>Cannot remove the run</source>
        <translation>実行を削除できません</translation>
    </message>
    <message>
        <source>{run} removed</source>
        <translation>{run} を削除しました</translation>
    </message>
    <message>
        <source>Cannot clear the kept runs</source>
        <translation>保存済みの実行を消去できません</translation>
    </message>
    <message>
        <source>{count} runs cleared</source>
        <translation>{count} 件の実行を消去しました</translation>
    </message>
    <message>
        <source>No model kept</source>
        <translation>モデルは保存されていません</translation>
    </message>
    <message>
        <source>This run was kept without its trained network.</source>
        <translation>この実行は学習済みのネットワークなしで保存されました。</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>モデルを保存できませんでした</translation>
    </message>
    <message>
        <source>Model of {run} saved to {path}</source>
        <translation>{run} のモデルを {path} に保存しました</translation>
    </message>
    <message>
        <source>History of {run} written to {path}</source>
        <translation>{run} の学習履歴を {path} に書き出しました</translation>
    </message>
    <message>
        <source>No runs to export</source>
        <translation>書き出す実行がありません</translation>
    </message>
    <message>
        <source>Finish or stop a run first.</source>
        <translation>先に学習を完了するか停止してください。</translation>
    </message>
    <message>
        <source>{count} runs written to {path} and {summary}</source>
        <translation>{count} 件の実行を {path} と {summary} に書き出しました</translation>
    </message>
    <message>
        <source>Could not write the file</source>
        <translation>ファイルを書き込めませんでした</translation>
    </message>
    <message>
        <source>Nothing was written; an existing file keeps its contents.</source>
        <translation>何も書き込まれていません。既存のファイルは元のままです。</translation>
    </message>
</context>
<context>
    <name>RunButtons</name>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Start a new run with these settings</source>
        <translation>この設定で新しい学習を開始します</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Pause or resume the run</source>
        <translation>学習を一時停止または再開します</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Do one iteration while paused</source>
        <translation>一時停止中に 1 イテレーションだけ進めます</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run; the network keeps what it learned</source>
        <translation>学習を終了します。ネットワークは学習した内容を保ちます</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重みをリセット</translation>
    </message>
    <message>
        <source>Draw fresh initial weights from the seed; this run's curves stay, faded, beside the next run's</source>
        <translation>シードから重みの初期値を新しく生成します。今回の実行のグラフは薄い色で残り、次の実行と比べられます</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>Training progress</source>
        <extracomment>The progress bar and its figures change more slowly than the eye needs (Hz). Numerical-gradient runs longer than this count whole iterations only (the bar's range is an integer).</extracomment>
        <translation>学習の進み具合</translation>
    </message>
    <message>
        <source>%v / %m iterations</source>
        <translation>%v / %m イテレーション</translation>
    </message>
    <message>
        <source>{done} / {total} iterations (the next one {percent}% done)</source>
        <translation>{done} / {total} イテレーション（次の 1 回は {percent}% 完了）</translation>
    </message>
    <message>
        <source>{done} / {total} iterations</source>
        <translation>{done} / {total} イテレーション</translation>
    </message>
    <message>
        <source>{rate} it/s · took {elapsed}</source>
        <translation>{rate} 回/秒 · 所要 {elapsed}</translation>
    </message>
    <message>
        <source>{per_iteration} per iteration · took {elapsed}</source>
        <translation>1 イテレーション {per_iteration} · 所要 {elapsed}</translation>
    </message>
    <message>
        <source>{rate} it/s · elapsed {elapsed} · remaining {remaining}</source>
        <translation>{rate} 回/秒 · 経過 {elapsed} · 残り {remaining}</translation>
    </message>
    <message>
        <source>{per_iteration} per iteration · elapsed {elapsed} · remaining {remaining}</source>
        <translation>1 イテレーション {per_iteration} · 経過 {elapsed} · 残り {remaining}</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Runs</source>
        <extracomment>The keys of the row menu's button and of Repeat with seeds. The number of seeds the repeat dialog offers first. Rows the table shows at least, and at first (the plots above keep the rest of the height). The widest a column grows to fit its texts, in characters (its tooltip has the rest).</extracomment>
        <translation>実行</translation>
    </message>
    <message>
        <source>Click a run to bring its curves to the front; tick it to show them; double-click its name to rename it; right-click for more.</source>
        <translation>実行をクリックすると曲線が最前面に、チェックすると曲線が表示されます。名前をダブルクリックすると名前を変更でき、右クリックでその他の操作ができます。</translation>
    </message>
    <message>
        <source>Show curves</source>
        <translation>曲線を表示</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Save its model…</source>
        <translation>モデルを保存…</translation>
    </message>
    <message>
        <source>Export its history…</source>
        <translation>学習履歴を書き出す…</translation>
    </message>
    <message>
        <source>Keep the trained networks of new runs</source>
        <translation>新しい実行の学習済みネットワークを保存する</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>What can be done with the selected run</source>
        <translation>選択した実行に対する操作</translation>
    </message>
    <message>
        <source>Repeat with seeds…</source>
        <translation>シードを変えて繰り返す…</translation>
    </message>
    <message>
        <source>Train these settings several times with consecutive seeds and draw their mean with a band of ± one standard deviation.</source>
        <translation>この設定を連続したシードで何回か学習し、その平均と ± 1 標準偏差の帯を描きます。</translation>
    </message>
    <message>
        <source>Clear r&amp;uns</source>
        <translation>実行を消去(&amp;U)</translation>
    </message>
    <message>
        <source>Remove every run but the current one, from the table and from the disk.</source>
        <translation>現在の実行以外のすべての実行を、表とディスクから削除します。</translation>
    </message>
    <message>
        <source>Save the run's model</source>
        <translation>実行のモデルを保存</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Export the run's history</source>
        <translation>実行の学習履歴を書き出す</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV ファイル</translation>
    </message>
    <message>
        <source>Export all runs</source>
        <translation>すべての実行を書き出す</translation>
    </message>
    <message>
        <source>Repeat with seeds</source>
        <translation>シードを変えて繰り返す</translation>
    </message>
    <message>
        <source>Train the settings shown this many times, with the seed and the next ones:</source>
        <translation>表示中の設定を、このシードとそれに続くシードで学習する回数：</translation>
    </message>
    <message>
        <source>There are no earlier runs to clear.</source>
        <translation>消去する以前の実行はありません。</translation>
    </message>
    <message>
        <source>Clear runs</source>
        <translation>実行を消去</translation>
    </message>
    <message>
        <source>Remove {count} earlier runs from the table and from the disk? The current run stays.</source>
        <translation>以前の実行 {count} 件を表とディスクから削除しますか？現在の実行は残ります。</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Run</source>
        <extracomment>The value a column sorts by (numbers as numbers). How often the running run's row shows its progress (Hz). (iterations, seconds) of the run going on, shown in its row.</extracomment>
        <translation>実行</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>lr changes</source>
        <translation>学習率の変更</translation>
    </message>
    <message>
        <source>Final train</source>
        <translation>最終訓練精度</translation>
    </message>
    <message>
        <source>Final test</source>
        <translation>最終テスト精度</translation>
    </message>
    <message>
        <source>Best test (epoch)</source>
        <translation>最高テスト精度（エポック）</translation>
    </message>
    <message>
        <source>Seeds: train / test, mean ± std</source>
        <translation>シード：訓練 / テスト、平均 ± 標準偏差</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>イテレーション</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>{train} / {test} ({runs} seeds)</source>
        <translation>{train} / {test}（シード {runs} 個）</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Differs from the run before: {changes}</source>
        <translation>前の実行との違い：{changes}</translation>
    </message>
</context>
<context>
    <name>SamplePreview</name>
    <message>
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>テスト画像</translation>
    </message>
    <message>
        <source>Loading the test images…</source>
        <translation>テスト画像を読み込んでいます…</translation>
    </message>
    <message>
        <source>The network's probability for each class</source>
        <translation>ネットワークが出した各クラスの確率</translation>
    </message>
    <message>
        <source>Another one</source>
        <translation>別の画像</translation>
    </message>
    <message>
        <source>Show another random image from the test set ({key}).</source>
        <translation>テストデータから別の画像をランダムに表示します（{key}）。</translation>
    </message>
    <message>
        <source>Test image {index}: a {label}. Start training to see the network's guess.</source>
        <translation>テスト画像 {index}：{label}。学習を始めるとネットワークの予測が表示されます。</translation>
    </message>
    <message>
        <source>Test image {index}: guess {guess} ({probability}), true {label}: right</source>
        <translation>テスト画像 {index}：予測 {guess}（{probability}）、正解 {label}：当たり</translation>
    </message>
    <message>
        <source>Test image {index}: guess {guess} ({probability}), true {label}: wrong</source>
        <translation>テスト画像 {index}：予測 {guess}（{probability}）、正解 {label}：外れ</translation>
    </message>
</context>
<context>
    <name>SaveLessonDialog</name>
    <message>
        <source>Save lesson</source>
        <translation>レッスンを保存</translation>
    </message>
    <message>
        <source>What the class will do</source>
        <translation>このレッスンで行うこと</translation>
    </message>
    <message>
        <source>What to look at, what to change, what to expect</source>
        <translation>何を見て、何を変え、何が起こるか</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>タイトル(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>説明(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>SeedRepeats</name>
    <message>
        <source>seeds {first}–{last}</source>
        <translation>シード {first}–{last}</translation>
    </message>
    <message>
        <source>Repeat {index} of {count}, seed {seed}</source>
        <translation>繰り返し {index}/{count}、シード {seed}</translation>
    </message>
    <message>
        <source>{runs} seeds: final test accuracy {test_mean:.4f} ± {test_std:.4f}, train {train_mean:.4f} ± {train_std:.4f}</source>
        <translation>シード {runs} 個：最終テスト精度 {test_mean:.4f} ± {test_std:.4f}、訓練精度 {train_mean:.4f} ± {train_std:.4f}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Where the stepper is and what the last step did.</source>
        <extracomment>The panel's narrowest width, in pixels.</extracomment>
        <translation>いまどのステップにいて、直前のステップで何をしたか。</translation>
    </message>
    <message>
        <source>Why the last step could not be computed.</source>
        <translation>直前のステップを計算できなかった理由。</translation>
    </message>
    <message>
        <source>How to read the drawing.</source>
        <translation>図の読み方。</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>How fast training runs: full speed, or slowly enough to talk over (down to one iteration a second); it can be changed while training runs.</source>
        <extracomment>Ticks and unticks "Pause at each epoch" (every letter of its text is taken in the tab). The slider's position at full speed (its rightmost). The loss axis of a slowed-down run first spans this many iterations, then doubles.</extracomment>
        <translation>学習の速さ：全速、または説明しながら見られるほどゆっくり（最も遅くて 1 秒に 1 イテレーション）。学習中にも変更できます。</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>学習の速さ</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速さ：</translation>
    </message>
    <message>
        <source>Pause at each epoch</source>
        <translation>エポックごとに一時停止</translation>
    </message>
    <message>
        <source>Pause when an epoch ends and its accuracies are plotted; Resume goes on.</source>
        <translation>エポックが終わり認識精度が描かれたところで一時停止します。「再開」で続けます。</translation>
    </message>
    <message>
        <source>{count} it/s</source>
        <translation>{count} 回/秒</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全速</translation>
    </message>
</context>
<context>
    <name>StepperBar</name>
    <message>
        <source>For&amp;ward step</source>
        <extracomment>The Speed slider's value is twice the number of steps per second.</extracomment>
        <translation>順伝播ステップ(&amp;W)</translation>
    </message>
    <message>
        <source>Compute the next node of the forward pass</source>
        <translation>順伝播で次のノードを計算します</translation>
    </message>
    <message>
        <source>&amp;Backward step</source>
        <translation>逆伝播ステップ(&amp;B)</translation>
    </message>
    <message>
        <source>Pass the gradient back through the next node (after the forward pass)</source>
        <translation>次のノードを通して勾配を逆に伝えます（順伝播が終わった後）</translation>
    </message>
    <message>
        <source>Step bac&amp;k</source>
        <translation>1 ステップ戻る(&amp;K)</translation>
    </message>
    <message>
        <source>Undo the last step, forward or backward</source>
        <translation>直前のステップ（順伝播・逆伝播とも）を取り消します</translation>
    </message>
    <message>
        <source>Ru&amp;n all</source>
        <translation>すべて実行(&amp;N)</translation>
    </message>
    <message>
        <source>Finish the forward and the backward pass at once</source>
        <translation>順伝播と逆伝播を一度に最後まで実行します</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>リセット(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the start: only the inputs are known</source>
        <translation>最初に戻ります：分かっているのは入力だけです</translation>
    </message>
    <message>
        <source>Ani&amp;mate</source>
        <translation>アニメーション(&amp;M)</translation>
    </message>
    <message>
        <source>Step through both passes on a timer; press again to pause</source>
        <translation>一定の間隔で順伝播と逆伝播を 1 ステップずつ進めます。もう一度押すと一時停止します</translation>
    </message>
    <message>
        <source>How many steps per second the animation makes.</source>
        <translation>アニメーションが 1 秒間に進むステップ数。</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>{steps} steps/s</source>
        <translation>{steps} ステップ/秒</translation>
    </message>
</context>
<context>
    <name>TileCanvas</name>
    <message>
        <source>Hidden unit {unit}: weights from {low} to {high}</source>
        <translation>隠れ層のニューロン {unit}：重みは {low} ～ {high}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>lr {rate}, hidden {hidden}, {optimizer}</source>
        <extracomment>A legend shows at most this many learning rates of one run (first, …, last beyond). Points drawn of an earlier run's smoothed loss. The z-values and widths of an earlier run's curves, normal and brought to the front.</extracomment>
        <translation>学習率 {rate}、隠れ層 {hidden}、{optimizer}</translation>
    </message>
    <message>
        <source>{run}: {settings}</source>
        <extracomment>How long after a run's start the previous run's curves are drawn faded (milliseconds): after the new run's first frames, so that the start's work is spread over several turns.</extracomment>
        <translation>{run}：{settings}</translation>
    </message>
    <message>
        <source>Loading the data; training starts as soon as it is ready…</source>
        <extracomment>A learning rate changed during a run applies once it has stayed this long (milliseconds).</extracomment>
        <translation>データを読み込んでいます。準備ができしだい学習を開始します…</translation>
    </message>
    <message>
        <source>Cannot start training</source>
        <translation>学習を開始できません</translation>
    </message>
    <message>
        <source>These settings cannot be trained; change them and start again.</source>
        <translation>この設定では学習できません。設定を変えてからもう一度開始してください。</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>実行 {number}</translation>
    </message>
    <message>
        <source>Run {number} started: seed {seed}, {images} training images</source>
        <translation>実行 {number} を開始しました：シード {seed}、訓練画像 {images} 枚</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>再開しました</translation>
    </message>
    <message>
        <source>Paused: Step does one iteration, Resume goes on</source>
        <translation>一時停止中：「ステップ」で 1 イテレーション進み、「再開」で続行します</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <source>Cannot reset</source>
        <translation>リセットできません</translation>
    </message>
    <message>
        <source>No network can be made from these settings; the weights are unchanged.</source>
        <translation>この設定ではネットワークを作れません。重みはそのままです。</translation>
    </message>
    <message>
        <source>Weights reset (seed {seed})</source>
        <translation>重みをリセットしました（シード {seed}）</translation>
    </message>
    <message>
        <source>Finished {iterations} iterations in {time}: train accuracy {train}, test accuracy {test}</source>
        <extracomment>Runs slower than this ask for confirmation before they start (seconds).</extracomment>
        <translation>{iterations} イテレーションを {time} で完了：訓練データの認識精度 {train}、テストデータの認識精度 {test}</translation>
    </message>
    <message>
        <source>Diverged:</source>
        <translation>発散：</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>学習が発散しました</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>学習に失敗しました</translation>
    </message>
    <message>
        <source>The run stopped because of an error; the network keeps what it had learned.</source>
        <translation>エラーのため学習が止まりました。ネットワークはそれまでに学習した内容を保ちます。</translation>
    </message>
    <message>
        <source>Stopped after {iterations} iterations</source>
        <translation>{iterations} イテレーションで停止しました</translation>
    </message>
    <message>
        <source>At iteration {iteration} every ReLU in the hidden layer had output 0 for every image of many batches in a row: no gradient reaches the first layer any more, so the network can only guess (loss {loss}). The run was stopped.

The learning rate ({rate}) is too large: one big update pushed the hidden units where they never switch on again. Lower it (try {smaller}) and start again.</source>
        <extracomment>The loss is "stuck" when its mean over a window of this many iterations stays above STUCK_FACTOR times the chance-level loss ln(classes) and no lower than the window before. The translation context of :data:`EXPLANATIONS` (the Training tab shows them). The dialog's explanation of each kind of divergence; placeholders: {iteration}, {loss}, {rate} (the learning rate) and {smaller} (a tenth of it).</extracomment>
        <translation>イテレーション {iteration} で、隠れ層のすべての ReLU が連続する多くのミニバッチのすべての画像に対して 0 を出力しました。勾配はもう第 1 層に届かず、ネットワークは当て推量しかできません（損失 {loss}）。学習を停止しました。

学習率（{rate}）が大きすぎます。一度の大きな更新で、隠れ層のニューロンが二度と活性化しない状態に押しやられました。学習率を下げて（例えば {smaller}）もう一度始めてください。</translation>
    </message>
    <message>
        <source>At iteration {iteration} the loss had stayed near {loss} for hundreds of iterations, far above what random guessing gives, so the run was stopped.

The learning rate ({rate}) is too large: the updates overshoot and the network saturates. Lower it (try {smaller}) and start again.</source>
        <translation>イテレーション {iteration} の時点で、損失が数百イテレーションにわたって {loss} 付近にとどまり、ランダムに推測した場合よりはるかに高いままだったため、学習を停止しました。

学習率（{rate}）が大きすぎます。更新が行き過ぎて、ネットワークが飽和しています。学習率を下げて（例えば {smaller}）もう一度始めてください。</translation>
    </message>
    <message>
        <source>The loss became {loss} at iteration {iteration}, so the run was stopped.

The learning rate ({rate}) is too large for this network: the updates overshoot and the weights blow up. Lower it (try {smaller}) and start again.</source>
        <translation>イテレーション {iteration} で損失が {loss} になったため、学習を停止しました。

このネットワークには学習率（{rate}）が大きすぎます。更新が行き過ぎて、重みが発散しています。学習率を下げて（例えば {smaller}）もう一度始めてください。</translation>
    </message>
    <message>
        <source>Learning rate now {rate}</source>
        <translation>学習率を {rate} に変更しました</translation>
    </message>
    <message>
        <source>{dataset}: {train} training and {test} test images ready</source>
        <translation>{dataset}：訓練画像 {train} 枚とテスト画像 {test} 枚の準備ができました</translation>
    </message>
    <message>
        <source>Cannot load the data</source>
        <translation>データを読み込めません</translation>
    </message>
    <message>
        <source>The data could not be read; the window keeps what it had loaded before.</source>
        <translation>データを読み込めませんでした。以前に読み込んだデータをそのまま使います。</translation>
    </message>
    <message>
        <source>Numerical gradient is slow</source>
        <translation>数値勾配は時間がかかります</translation>
    </message>
    <message>
        <source>The numerical gradient computes the loss twice for each of the network's parameters: {per_iteration} per iteration here, so {iterations} iterations would take {total}.

Backpropagation gets the same gradient thousands of times faster. Start anyway?</source>
        <translation>数値勾配では、ネットワークのパラメータ 1 つごとに損失を 2 回計算します。このコンピュータでは 1 イテレーションに{per_iteration}、{iterations} イテレーションで{total}かかります。

誤差逆伝播法なら同じ勾配を数千倍速く求められます。それでも開始しますか？</translation>
    </message>
    <message>
        <source>mean ± std of {runs} seeds</source>
        <extracomment>Points drawn of the loss band (it is smooth). The opacity of a band's fill (of 255).</extracomment>
        <translation>シード {runs} 個の平均 ± 標準偏差</translation>
    </message>
    <message>
        <source>train acc, {band}</source>
        <translation>訓練精度、{band}</translation>
    </message>
    <message>
        <source>test acc, {band}</source>
        <translation>テスト精度、{band}</translation>
    </message>
    <message>
        <source>Open this iteration in the layer graph</source>
        <extracomment>The key of "Open this iteration in the layer graph".</extracomment>
        <translation>この反復をレイヤの計算グラフで開く</translation>
    </message>
    <message>
        <source>Show the paused iteration's batch (its first 100 images) in the Layer graph tab</source>
        <translation>一時停止した反復のバッチ（最初の 100 枚）を「レイヤの計算グラフ」タブに表示します</translation>
    </message>
</context>
<context>
    <name>ViewPictures</name>
    <message>
        <source>Export &amp;view…</source>
        <extracomment>The PNG choices of the export dialog: image pixels per on-screen pixel (None: the screen's).</extracomment>
        <translation>ビューの書き出し(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the current tab's main view as a PNG image or an SVG drawing</source>
        <translation>現在のタブのメインビューを PNG 画像または SVG 図として保存します</translation>
    </message>
    <message>
        <source>&amp;Copy picture</source>
        <translation>画像をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Put the current tab's main view on the clipboard as a picture</source>
        <translation>現在のタブのメインビューを画像としてクリップボードにコピーします</translation>
    </message>
    <message>
        <source>PNG image at the screen's resolution</source>
        <translation>PNG 画像（画面の解像度）</translation>
    </message>
    <message>
        <source>PNG image at twice the resolution</source>
        <translation>PNG 画像（2 倍の解像度）</translation>
    </message>
    <message>
        <source>PNG image at four times the resolution</source>
        <translation>PNG 画像（4 倍の解像度）</translation>
    </message>
    <message>
        <source>SVG drawing with its text</source>
        <translation>SVG 図（文字はテキストのまま）</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>ビューの書き出し</translation>
    </message>
    <message>
        <source>Unknown format</source>
        <translation>不明な形式</translation>
    </message>
    <message>
        <source>A view can be exported as .png or .svg.</source>
        <translation>ビューは .png または .svg として書き出せます。</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>ビューを書き出せませんでした</translation>
    </message>
    <message>
        <source>The picture was not written; an existing file keeps its contents.</source>
        <translation>画像は書き出されませんでした。既存のファイルの内容はそのままです。</translation>
    </message>
    <message>
        <source>View written to {path}</source>
        <translation>ビューを {path} に書き出しました</translation>
    </message>
    <message>
        <source>Could not copy the picture</source>
        <translation>画像をコピーできませんでした</translation>
    </message>
    <message>
        <source>Picture of the view copied to the clipboard</source>
        <translation>ビューの画像をクリップボードにコピーしました</translation>
    </message>
</context>
<context>
    <name>WeightTilesView</name>
    <message>
        <source>Weights of the first layer (W1)</source>
        <translation>第 1 層の重み（W1）</translation>
    </message>
    <message>
        <source>One 28×28 tile per hidden unit; click a tile to describe its unit.</source>
        <translation>隠れ層のニューロンごとに 28×28 のタイル。タイルをクリックするとそのニューロンの説明を表示します。</translation>
    </message>
</context>
<context>
    <name>ZoomControls</name>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Fit &amp;all</source>
        <translation>全体を表示(&amp;A)</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view again</source>
        <translation>計算グラフ全体が収まるように表示し直します</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>ズーム：</translation>
    </message>
</context>
</TS>