<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyPlot</name>
    <message>
        <source>accuracy</source>
        <translation>识别精度</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>Accuracy curves</source>
        <translation>识别精度曲线</translation>
    </message>
    <message>
        <source>Recognition accuracy on the training data (solid) and the test data (dashed) after each epoch.</source>
        <translation>每个 epoch 结束后在训练数据（实线）和测试数据（虚线）上的识别精度。</translation>
    </message>
    <message>
        <source>train acc</source>
        <translation>训练精度</translation>
    </message>
    <message>
        <source>test acc</source>
        <translation>测试精度</translation>
    </message>
    <message>
        <source>train acc ({run})</source>
        <translation>训练精度（{run}）</translation>
    </message>
    <message>
        <source>test acc ({run})</source>
        <translation>测试精度（{run}）</translation>
    </message>
    <message>
        <source>{run} train</source>
        <translation>{run}（训练）</translation>
    </message>
    <message>
        <source>{run} test</source>
        <translation>{run}（测试）</translation>
    </message>
    <message>
        <source>epoch {epoch}: train {train}, test {test}</source>
        <translation>epoch {epoch}：训练 {train}，测试 {test}</translation>
    </message>
</context>
<context>
    <name>BookNames</name>
    <message>
        <source>apple</source>
        <extracomment>Shows a value's name: ``book_name`` for the book's graphs, ``plain_name`` for typed ones. The values of the book's apples-and-oranges graphs, marked for translation (context "BookNames"): the labels of the book's figures in its Chinese and Japanese editions.</extracomment>
        <translation>苹果</translation>
    </message>
    <message>
        <source>apple_num</source>
        <translation>苹果的个数</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橘子</translation>
    </message>
    <message>
        <source>orange_num</source>
        <translation>橘子的个数</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>消费税</translation>
    </message>
    <message>
        <source>apple_price</source>
        <translation>苹果的金额</translation>
    </message>
    <message>
        <source>orange_price</source>
        <translation>橘子的金额</translation>
    </message>
    <message>
        <source>all_price</source>
        <translation>合计金额</translation>
    </message>
    <message>
        <source>price</source>
        <translation>支付金额</translation>
    </message>
</context>
<context>
    <name>Chapter4Tab</name>
    <message>
        <source>Derivative</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Gradient field</source>
        <translation>梯度场</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Why the loss</source>
        <translation>为何用损失函数</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt</source>
        <extracomment>How each dataset is called on screen and in messages (names: never translated). Both datasets have ten classes, labelled 0 to 9. Short names of the Fashion-MNIST classes, label 0 first.</extracomment>
        <translation>T恤</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>靴子</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>No evaluation yet.</source>
        <extracomment>The lightest shade of a non-empty cell, so a single mistake is not invisible. Lines of legend text under the grid: two colour ramps and a hint of up to two lines.</extracomment>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the network's guess. Hover a cell for its share, click a mistake to list its images.</source>
        <translation>行：真实类别；列：网络的预测。将鼠标悬停在单元格上可查看占比，点击一个错误单元格可列出其中的图像。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Test images counted by true class (rows) and predicted class (columns).</source>
        <translation>按真实类别（行）和预测类别（列）统计的测试图像数。</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>0% of the row</source>
        <translation>该行的 0%</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 张图像</translation>
    </message>
    <message>
        <source>Hover a cell for details; click a mistake to list its images.</source>
        <translation>悬停单元格可看详情；点击错误单元格可列出其图像。</translation>
    </message>
    <message>
        <source>{true} recognised correctly: {count} images ({percent}% of the {total} images of {true})</source>
        <translation>{true} 识别正确：{count} 张图像（占 {total} 张 {true} 的 {percent}%）</translation>
    </message>
    <message>
        <source>{true} recognised correctly: {count} images</source>
        <translation>{true} 识别正确：{count} 张图像</translation>
    </message>
    <message>
        <source>true {true} taken for {guess}: {count} images ({percent}% of the {total} images of {true}). Click to list them.</source>
        <translation>真实为 {true}、误认为 {guess}：{count} 张图像（占 {total} 张 {true} 的 {percent}%）。点击可列出这些图像。</translation>
    </message>
    <message>
        <source>true {true} taken for {guess}: {count} images. Click to list them.</source>
        <translation>真实为 {true}、误认为 {guess}：{count} 张图像。点击可列出这些图像。</translation>
    </message>
</context>
<context>
    <name>DerivativePart</name>
    <message>
        <source>The point x where the derivative is taken; drag the point on the plot too.</source>
        <extracomment>The difference formulas, in the order of the method box. How far the point may be typed.</extracomment>
        <translation>求导数的点 x；也可以在图上拖动该点。</translation>
    </message>
    <message>
        <source>central (f(x+h) − f(x−h)) / 2h</source>
        <translation>中心差分 (f(x+h) − f(x−h)) / 2h</translation>
    </message>
    <message>
        <source>forward (f(x+h) − f(x)) / h</source>
        <translation>前向差分 (f(x+h) − f(x)) / h</translation>
    </message>
    <message>
        <source>The book's numerical_diff uses the central difference.</source>
        <translation>书中的 numerical_diff 使用中心差分。</translation>
    </message>
    <message>
        <source>The step h, from 1e-1 (left) to 1e-20 (right) on a logarithmic scale; the book uses 1e-4.</source>
        <translation>微小值 h，按对数刻度从 1e-1（左）到 1e-20（右）；书中使用 1e-4。</translation>
    </message>
    <message>
        <source>Step h</source>
        <translation>微小值 h</translation>
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
        <translation>差分方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Step h:</source>
        <translation>微小值 h(&amp;S)：</translation>
    </message>
    <message>
        <source>f must use exactly one variable (it uses {count}).</source>
        <translation>f 必须恰好使用一个变量（它使用了 {count} 个）。</translation>
    </message>
    <message>
        <source>f is undefined at x = {x} or next to it: no derivative here.</source>
        <translation>f 在 x = {x} 处或其附近没有定义：这里没有导数。</translation>
    </message>
    <message>
        <source>central difference</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>forward difference</source>
        <translation>前向差分</translation>
    </message>
    <message>
        <source>numerical_diff(f, {x}) = {value}  ({difference}, h = {h})</source>
        <translation>numerical_diff(f, {x}) = {value}  （{difference}，h = {h}）</translation>
    </message>
    <message>
        <source>exact df/d{name} by backpropagation: {exact};  error {error}</source>
        <translation>用误差反向传播法求得的准确值 df/d{name}：{exact}；误差 {error}</translation>
    </message>
    <message>
        <source>The book's warning, h = 1e-50: x + h rounds to x in float64, so f(x + h) − f(x − h) is exactly 0 and the derivative comes out as 0, not {exact}.</source>
        <translation>书中的警告，h = 1e-50：在 float64 中 x + h 被舍入为 x，因此 f(x + h) − f(x − h) 恰好为 0，求得的导数是 0，而不是 {exact}。</translation>
    </message>
    <message>
        <source>The book's warning, h = 1e-50: here it gives {value}; at any x far from 0, x + h rounds to x and the difference is exactly 0.</source>
        <translation>书中的警告，h = 1e-50：这里得到 {value}；在远离 0 的任何 x 处，x + h 都会被舍入为 x，差分恰好为 0。</translation>
    </message>
</context>
<context>
    <name>DescentControls</name>
    <message>
        <source>Where the descent starts (the book: −3, 4).</source>
        <extracomment>As the command line's ``descent``.</extracomment>
        <translation>梯度下降的起点（书中为 −3, 4）。</translation>
    </message>
    <message>
        <source>The learning rate lr; the arrows multiply or divide it by 10.</source>
        <translation>学习率 lr；箭头按钮将其乘以或除以 10。</translation>
    </message>
    <message>
        <source>The number of steps (the book's step_num).</source>
        <translation>步数（书中的 step_num）。</translation>
    </message>
    <message>
        <source>Your own settings</source>
        <translation>自定义设置</translation>
    </message>
    <message>
        <source>The book's three learning rates, one click away.</source>
        <translation>书中的三种学习率，一键即可切换。</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <source>Animate the descent from the start.</source>
        <translation>从起点开始以动画演示梯度下降。</translation>
    </message>
    <message>
        <source>Step &amp;once</source>
        <translation>前进一步(&amp;O)</translation>
    </message>
    <message>
        <source>Take one step.</source>
        <translation>前进一步。</translation>
    </message>
    <message>
        <source>&amp;Back to the start</source>
        <translation>回到起点(&amp;B)</translation>
    </message>
    <message>
        <source>f(x0, x&amp;1) =</source>
        <translation>f(x0, x&amp;1) =</translation>
    </message>
    <message>
        <source>Boo&amp;k's runs:</source>
        <translation>书中的示例(&amp;K)：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>学习率(&amp;R)：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
</context>
<context>
    <name>DescentPart</name>
    <message>
        <source>The path of gradient descent on the contours of f</source>
        <extracomment>The book's figure 4-10 shows x0 and x1 from -4 to 4 (a little more here for the start). An animation shows a run in about this many ticks, whatever its length.</extracomment>
        <translation>f 的等高线上梯度下降的路径</translation>
    </message>
    <message>
        <source>Stopped after step {step}: {reason}</source>
        <translation>在第 {step} 步后停止：{reason}</translation>
    </message>
    <message>
        <source>Step {step} of {steps}: x = {x},  f(x) = {value}</source>
        <translation>第 {step} 步（共 {steps} 步）：x = {x}，f(x) = {value}</translation>
    </message>
    <message>
        <source>The book prints {result} after 100 steps.</source>
        <translation>书中 100 步后输出 {result}。</translation>
    </message>
    <message>
        <source>The book: lr = 0.1 (about right)</source>
        <translation>书中：lr = 0.1（合适）</translation>
    </message>
    <message>
        <source>A good learning rate: every step shrinks the point by the factor 0.8, and after 100 steps it sits at the minimum (0, 0) to within 1e-9.</source>
        <translation>合适的学习率：每一步都把点缩小为原来的 0.8 倍，100 步后它以 1e-9 以内的精度到达最小值 (0, 0)。</translation>
    </message>
    <message>
        <source>The book: lr = 10 (too large)</source>
        <translation>书中：lr = 10（过大）</translation>
    </message>
    <message>
        <source>Too large: every step overshoots the minimum and lands 19 times farther away on the other side, until x ± h rounds to x, the numerical gradient becomes 0 and the point stops, far out.</source>
        <translation>过大：每一步都越过最小值，落在另一侧 19 倍远的地方，直到 x ± h 被舍入为 x、数值梯度变为 0，点停在很远的地方。</translation>
    </message>
    <message>
        <source>The book: lr = 1e-10 (too small)</source>
        <translation>书中：lr = 1e-10（过小）</translation>
    </message>
    <message>
        <source>Too small: the point barely moves from where it started; learning would take forever.</source>
        <translation>过小：点几乎停留在起点附近；学习将永远无法完成。</translation>
    </message>
</context>
<context>
    <name>DetailWriter</name>
    <message>
        <source>Arrays in this batch:</source>
        <translation>本批次中的数组：</translation>
    </message>
    <message>
        <source>For example, its largest element:</source>
        <translation>例如，绝对值最大的元素：</translation>
    </message>
    <message>
        <source>Step forward to compute this layer.</source>
        <translation>继续正向单步，计算这一层。</translation>
    </message>
    <message>
        <source>Click an element of a picture to see its numbers.</source>
        <translation>点击图中的一个元素，查看它的数值。</translation>
    </message>
    <message>
        <source>the backward pass starts with 1 at the loss.</source>
        <translation>反向传播从损失处的 1 开始。</translation>
    </message>
    <message>
        <source>Its gradient arrives in the backward pass.</source>
        <translation>它的梯度在反向传播中到达。</translation>
    </message>
    <message>
        <source>Backpropagation:</source>
        <translation>反向传播：</translation>
    </message>
    <message>
        <source>Numerical derivative (central difference, h = 1e-4):</source>
        <translation>数值微分（中心差分，h = 1e-4）：</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>差：</translation>
    </message>
    <message>
        <source>the other {count} terms ({zeros} of them 0)</source>
        <translation>其余 {count} 项（其中 {zeros} 项为 0）</translation>
    </message>
    <message>
        <source>Sum of {count} terms</source>
        <translation>{count} 项之和</translation>
    </message>
    <message>
        <source>The largest terms are shown; the sum is of all of them.</source>
        <translation>只列出最大的几项；总和包含所有项。</translation>
    </message>
    <message>
        <source>{operands} gives {result}: the shape of {array}, one gradient for each of its elements.</source>
        <translation>{operands} 得到 {result}：与 {array} 的形状相同，它的每个元素各有一个梯度。</translation>
    </message>
    <message>
        <source>{operands} summed over the batch axis gives {result}: the shape of {array}; every sample adds its gradient to the same bias.</source>
        <translation>{operands} 沿批次轴求和得到 {result}：与 {array} 的形状相同；每个样本都把自己的梯度加到同一个偏置上。</translation>
    </message>
    <message>
        <source>{x} &gt; 0: the mask lets the gradient through, {dout}.</source>
        <translation>{x} &gt; 0：掩码让梯度通过，{dout}。</translation>
    </message>
    <message>
        <source>{x} ≤ 0: the mask stops the gradient; 0 flows back.</source>
        <translation>{x} ≤ 0：掩码挡住梯度，向后传回 0。</translation>
    </message>
    <message>
        <source>In this sample {passing} of {size} units pass their gradient.</source>
        <translation>在这个样本中，{size} 个单元里有 {passing} 个传回了梯度。</translation>
    </message>
    <message>
        <source>The input is within h of 0, where ReLU bends: the central difference straddles the bend.</source>
        <translation>输入与 0 的距离小于 h，正好在 ReLU 的拐点附近：中心差分跨过了拐点。</translation>
    </message>
    <message>
        <source>N = {n}: each sample's share of the mean loss.</source>
        <translation>N = {n}：每个样本在平均损失中所占的份额。</translation>
    </message>
</context>
<context>
    <name>DiffMapsBox</name>
    <message>
        <source>Where they differ: |numerical − backprop|</source>
        <translation>差异在哪里：|数值梯度 − 反向传播|</translation>
    </message>
    <message>
        <source>White is no difference, dark the largest difference of that parameter (each map has its own scale). W1 is one 28×28 tile per hidden unit: pixels black in every image give 0 both ways. Hover over a map to read an element.</source>
        <translation>白色表示没有差异，深色表示该参数的最大差异（每张图有自己的刻度）。W1 按每个隐藏单元一块 28×28 的图块显示：在所有图像中都是黑色的像素，两种方法得到的都是 0。把鼠标停在图上可读出元素的值。</translation>
    </message>
    <message>
        <source>|numerical − backprop| of {name}</source>
        <translation>{name} 的 |数值梯度 − 反向传播|</translation>
    </message>
    <message>
        <source>Run the check to see where the two gradients differ.</source>
        <translation>运行检查，查看两种梯度在哪里不同。</translation>
    </message>
    <message>
        <source>{name}: 0 to {largest}</source>
        <translation>{name}：0 到 {largest}</translation>
    </message>
</context>
<context>
    <name>DigitView</name>
    <message>
        <source>Digit image</source>
        <translation>数字图像</translation>
    </message>
</context>
<context>
    <name>DivergingLegend</name>
    <message>
        <source>How the tiles' colours read: blue is a negative weight, vermillion a positive one, the background colour zero.</source>
        <translation>图块颜色的含义：蓝色为负权重，朱红色为正权重，背景色为零。</translation>
    </message>
    <message>
        <source>− inhibits</source>
        <translation>− 抑制</translation>
    </message>
    <message>
        <source>+ excites</source>
        <translation>+ 兴奋</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Downloading {dataset}…</source>
        <translation>正在下载 {dataset}…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Download {dataset}</source>
        <translation>下载 {dataset}</translation>
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
        <translation>用鼠标或手写笔在这里写一个数字；边写边识别。</translation>
    </message>
    <message>
        <source>Drawing canvas</source>
        <translation>绘图画布</translation>
    </message>
    <message>
        <source>Drag the left mouse button or a pen to write; Delete clears, Ctrl+Z undoes.</source>
        <translation>按住鼠标左键或用手写笔拖动来书写；Delete 清除，Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Train a network or load one first.</source>
        <translation>请先训练网络或加载模型。</translation>
    </message>
    <message>
        <source>Draw a digit in the black square.</source>
        <translation>请在黑色方框中写一个数字。</translation>
    </message>
    <message>
        <source>The 28×28 image the network receives, pixel for pixel.</source>
        <translation>网络接收到的 28×28 图像，逐像素显示。</translation>
    </message>
    <message>
        <source>Cle&amp;ar</source>
        <translation>清除(&amp;A)</translation>
    </message>
    <message>
        <source>Wipe the canvas to write another digit (Delete).</source>
        <translation>清空画布，以便写另一个数字（Delete）。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last stroke or clear (Ctrl+Z).</source>
        <translation>撤销上一笔或上一次清除（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>&amp;Sample digit</source>
        <translation>示例数字(&amp;S)</translation>
    </message>
    <message>
        <source>Paint a random MNIST test digit, ten times enlarged, onto the canvas.</source>
        <translation>把一个随机的 MNIST 测试数字放大十倍画到画布上。</translation>
    </message>
    <message>
        <source>&amp;Open picture…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <source>Read a photo or scan of one digit (dark on light or light on dark) onto the canvas.</source>
        <translation>把一个数字的照片或扫描件（浅底深字或深底浅字均可）读入画布。</translation>
    </message>
    <message>
        <source>Width of the pen in pixels of the 280-pixel square; about 24 writes like MNIST.</source>
        <translation>笔的粗细，以 280 像素见方的画布上的像素计；约 24 时写出的笔画与 MNIST 相近。</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>笔宽</translation>
    </message>
    <message>
        <source>Pen &amp;width:</source>
        <translation>笔宽(&amp;W)：</translation>
    </message>
    <message>
        <source>Write a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>网络看到的图像</translation>
    </message>
    <message>
        <source>As MNIST's digits were made: cropped to the ink, scaled so that the longer side is 20 pixels (keeping the shape), and placed in 28×28 with its centre of mass in the middle.</source>
        <translation>与 MNIST 数字的制作方式相同：裁剪到笔迹范围，保持形状缩放到长边为 20 像素，再放入 28×28 的图像，使其质心位于中央。</translation>
    </message>
    <message>
        <source>Train a network or load one first. Then draw a digit in the black square.</source>
        <translation>请先训练网络或加载模型，然后在黑色方框中写一个数字。</translation>
    </message>
    <message>
        <source>Open a picture of a digit</source>
        <translation>打开数字图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the picture</source>
        <translation>无法打开图片</translation>
    </message>
    <message>
        <source>The file could not be read as a picture:</source>
        <translation>无法将该文件读取为图片：</translation>
    </message>
    <message>
        <source>No digit found</source>
        <translation>未找到数字</translation>
    </message>
    <message>
        <source>{path}: the picture is blank or has too little contrast.</source>
        <translation>{path}：图片是空白的，或对比度太低。</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>不到 1 秒</translation>
    </message>
    <message>
        <source>about a second</source>
        <translation>约 1 秒</translation>
    </message>
    <message>
        <source>about {count} seconds</source>
        <translation>约 {count} 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>约 1 分钟</translation>
    </message>
    <message>
        <source>about {count} minutes</source>
        <translation>约 {count} 分钟</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>约 1 小时</translation>
    </message>
    <message>
        <source>about {count} hours</source>
        <translation>约 {count} 小时</translation>
    </message>
    <message>
        <source>about {hours} hours ({days} days)</source>
        <translation>约 {hours} 小时（{days} 天）</translation>
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
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
</context>
<context>
    <name>ErrorPlot</name>
    <message>
        <source>|error|</source>
        <translation>|误差|</translation>
    </message>
    <message>
        <source>Error of the numerical derivative against h</source>
        <translation>数值微分的误差随 h 的变化</translation>
    </message>
    <message>
        <source>central</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向差分</translation>
    </message>
    <message>
        <source>rounding ∝ ε/h</source>
        <translation>舍入误差 ∝ ε/h</translation>
    </message>
    <message>
        <source>truncation ∝ h²</source>
        <translation>截断误差 ∝ h²</translation>
    </message>
    <message>
        <source>truncation ∝ h</source>
        <translation>截断误差 ∝ h</translation>
    </message>
</context>
<context>
    <name>EvaluateTab</name>
    <message>
        <source>Train a network or load one (File → Load model).</source>
        <extracomment>The gallery shows at most this many mistakes (the most confident ones).</extracomment>
        <translation>请训练网络或加载模型（文件 → 加载模型）。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>true {true} → guess {guess}
({confidence})</source>
        <translation>真实 {true} → 预测 {guess}
({confidence})</translation>
    </message>
    <message>
        <source>true {true}
→ guess {guess}
({confidence})</source>
        <translation>真实 {true}
→ 预测 {guess}
({confidence})</translation>
    </message>
    <message>
        <source>Evaluate &amp;on the test set</source>
        <translation>在测试数据上评估(&amp;O)</translation>
    </message>
    <message>
        <source>Score the current model on all test images: accuracy, confusion matrix, per-class metrics and the mistakes.</source>
        <translation>用全部测试图像评估当前模型：识别精度、混淆矩阵、各类别指标以及识别错误的图像。</translation>
    </message>
    <message>
        <source>Load &amp;model…</source>
        <translation>加载模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a saved model (.npz); it becomes the current model and is evaluated at once.</source>
        <translation>打开已保存的模型（.npz）；它会成为当前模型并立即被评估。</translation>
    </message>
    <message>
        <source>Share of the test images whose top guess is right.</source>
        <translation>概率最高的预测为正确答案的测试图像所占的比例。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各类别</translation>
    </message>
    <message>
        <source>Waiting for the test images to load…</source>
        <translation>正在等待测试图像加载…</translation>
    </message>
    <message>
        <source>Cannot evaluate this model</source>
        <translation>无法评估此模型</translation>
    </message>
    <message>
        <source>This model does not fit the test images:</source>
        <translation>此模型与测试图像不匹配：</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy}%  ({right} of {total} right, {wrong} wrong)</source>
        <translation>测试数据识别精度 {accuracy}%（{total} 张中正确 {right} 张，错误 {wrong} 张）</translation>
    </message>
    <message>
        <source>TwoLayerNet(784, {hidden}, 10), {activation}, on the {dataset} test set</source>
        <translation>TwoLayerNet(784, {hidden}, 10)，{activation}，{dataset} 测试数据</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>随机种子 {seed}</translation>
    </message>
    <message>
        <source>weights as they were at this moment of the running training</source>
        <translation>权重为正在进行的训练在此刻的状态</translation>
    </message>
    <message>
        <source>note: this model was trained on {dataset}</source>
        <translation>注意：此模型是在 {dataset} 上训练的</translation>
    </message>
    <message>
        <source>No mistakes to show.</source>
        <translation>没有可显示的错误。</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>模型 (*.npz)</translation>
    </message>
    <message>
        <source>A different model is current now</source>
        <translation>当前模型已更换</translation>
    </message>
    <message>
        <source>The weights have changed (training)</source>
        <translation>权重已改变（训练中）</translation>
    </message>
    <message>
        <source>Another dataset is loaded</source>
        <translation>已加载另一个数据集</translation>
    </message>
    <message>
        <source>{reason} since this evaluation: press Evaluate to score the current weights.</source>
        <translation>自本次评估以来{reason}：请按“评估”为当前权重重新评分。</translation>
    </message>
    <message>
        <source>No evaluation yet</source>
        <translation>尚未评估</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Press Evaluate to score the current model on the test set.</source>
        <translation>请按“评估”，在测试数据上评估当前模型。</translation>
    </message>
    <message>
        <source>Press Evaluate.</source>
        <translation>请按“评估”。</translation>
    </message>
</context>
<context>
    <name>ExplanationBox</name>
    <message>
        <source>What the figures mean</source>
        <translation>数值的含义</translation>
    </message>
</context>
<context>
    <name>ExpressionField</name>
    <message>
        <source>Not changed:</source>
        <translation>未更改：</translation>
    </message>
</context>
<context>
    <name>FieldPart</name>
    <message>
        <source>f must use exactly two variables, such as x0 and x1 (it uses {count}).</source>
        <extracomment>The book's grid: -2 to 2 in steps of 0.25, with half a step of margin around it. Grid steps across the shorter side of the view (18: the book's 0.25 over [-2.25, 2.25]). Samples across the view for the contour lines.</extracomment>
        <translation>f 必须恰好使用两个变量，例如 x0 和 x1（它使用了 {count} 个）。</translation>
    </message>
    <message>
        <source>Contours of f and the arrows of −∇f</source>
        <translation>f 的等高线和 −∇f 的箭头</translation>
    </message>
    <message>
        <source>Click a point to see its partial derivatives.</source>
        <translation>点击一个点，查看该点的偏导数。</translation>
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
        <translation>该点没有梯度：{reason}</translation>
    </message>
    <message>
        <source>numerical_gradient(f, np.array([{x0}, {x1}])) = {gradient}</source>
        <translation>numerical_gradient(f, np.array([{x0}, {x1}])) = {gradient}</translation>
    </message>
    <message>
        <source>∂f/∂{a} = {da},  ∂f/∂{b} = {db};  exact by backpropagation: ({ea}, {eb}). The arrows point along −∇f, downhill.</source>
        <translation>∂f/∂{a} = {da}，∂f/∂{b} = {db}；用误差反向传播法求得的准确值：({ea}, {eb})。箭头指向 −∇f，即下坡的方向。</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>Train a network (or load one) first.</source>
        <translation>请先训练（或加载）一个网络。</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>The model was not saved; an existing file keeps its contents.</source>
        <translation>模型未保存；已有文件的内容保持不变。</translation>
    </message>
    <message>
        <source>Model saved to {path}</source>
        <translation>模型已保存到 {path}</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Loaded {file}: hidden size {hidden}, {activation}, seed {seed}</source>
        <translation>已加载 {file}：隐藏层大小 {hidden}，{activation}，随机种子 {seed}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>No history to export</source>
        <translation>没有可导出的训练记录</translation>
    </message>
    <message>
        <source>Finish or stop a run first.</source>
        <translation>请先完成或停止一次训练。</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出训练记录</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Could not export the history</source>
        <translation>无法导出训练记录</translation>
    </message>
    <message>
        <source>The history was not written; an existing file keeps its contents.</source>
        <translation>训练记录未写入；已有文件的内容保持不变。</translation>
    </message>
    <message>
        <source>History of runs {numbers} written to {path}</source>
        <translation>第 {numbers} 次运行的训练记录已写入 {path}</translation>
    </message>
    <message>
        <source>(the run in progress is not included)</source>
        <translation>（不包括正在进行的运行）</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>Plots can be exported as .png or .svg.</source>
        <translation>图表可以导出为 .png 或 .svg。</translation>
    </message>
    <message>
        <source>Could not export the plots</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <source>The plots could not be written:</source>
        <translation>无法写入图表：</translation>
    </message>
    <message>
        <source>Plots written: {files}</source>
        <translation>图表已写入：{files}</translation>
    </message>
</context>
<context>
    <name>FunctionPlot</name>
    <message>
        <source>f(x) with the point and its tangent</source>
        <extracomment>Points of the curve across the visible range. Errors below this are drawn on it (an exact difference has error 0, off a log axis). Where the dragged point snaps: multiples of this, so 5 and 10 are reached exactly.</extracomment>
        <translation>f(x)、所选的点及其切线</translation>
    </message>
</context>
<context>
    <name>GradientCheckTab</name>
    <message>
        <source>Parameter</source>
        <extracomment>Column headers (English; translated when the table is built).</extracomment>
        <translation>参数</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>mean |diff|</source>
        <translation>平均 |差值|</translation>
    </message>
    <message>
        <source>max |diff|</source>
        <translation>最大 |差值|</translation>
    </message>
    <message>
        <source>max relative error</source>
        <translation>最大相对误差</translation>
    </message>
    <message>
        <source>1e-7 in log</source>
        <extracomment>The parameters' names are the book's and stay as they are in every language.</extracomment>
        <translation>log 中的 1e-7</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Speed ratio</source>
        <translation>速度比</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why the two gradients are not identical.&lt;/b&gt; The numerical gradient estimates each slope by central differences, (f(x+h) − f(x−h)) / 2h with the book's h = 10&lt;sup&gt;−4&lt;/sup&gt;. That estimate carries a truncation error which shrinks like h², and a rounding error of about ε/h (ε ≈ 10&lt;sup&gt;−16&lt;/sup&gt; in float64) from subtracting two almost equal losses. Both are tiny: around 10&lt;sup&gt;−10&lt;/sup&gt; at most.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;为什么两种梯度并不完全相同。&lt;/b&gt;数值梯度用中心差分 (f(x+h) − f(x−h)) / 2h 估计每个斜率，书中取 h = 10&lt;sup&gt;−4&lt;/sup&gt;。这种估计带有随 h² 减小的截断误差，以及两个几乎相等的损失相减所产生的约 ε/h 的舍入误差（float64 中 ε ≈ 10&lt;sup&gt;−16&lt;/sup&gt;）。两者都非常小：最多约 10&lt;sup&gt;−10&lt;/sup&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The 10&lt;sup&gt;−7&lt;/sup&gt; inside the log.&lt;/b&gt; The book's cross_entropy_error computes −log(y + 10&lt;sup&gt;−7&lt;/sup&gt;) so that log(0) can never happen. The numerical gradient differentiates that loss, constant and all, while backpropagation uses the clean formula (y − t) / N, which is the slope of the loss &lt;i&gt;without&lt;/i&gt; the constant. So the two methods differentiate slightly different functions, and the gap grows to about 10&lt;sup&gt;−7&lt;/sup&gt; for b2, the parameter nearest the loss. Untick the box to make the constant 0: both then differentiate the same loss, and the differences fall to the book's printed 10&lt;sup&gt;−13&lt;/sup&gt; to 10&lt;sup&gt;−10&lt;/sup&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;log 中的 10&lt;sup&gt;−7&lt;/sup&gt;。&lt;/b&gt;书中的 cross_entropy_error 计算 −log(y + 10&lt;sup&gt;−7&lt;/sup&gt;)，以免出现 log(0)。数值梯度对这个连同常数在内的损失求导，而误差反向传播法使用简洁的公式 (y − t) / N，它是&lt;i&gt;不含&lt;/i&gt;该常数的损失的斜率。因此两种方法求导的函数略有不同，对最靠近损失的参数 b2，差值会增大到约 10&lt;sup&gt;−7&lt;/sup&gt;。取消勾选该复选框即可把常数设为 0：这样两者对同一个损失求导，差值就会降到书中印出的 10&lt;sup&gt;−13&lt;/sup&gt; 到 10&lt;sup&gt;−10&lt;/sup&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reading the table.&lt;/b&gt; A correct backpropagation gives differences many orders of magnitude below the gradients themselves (relative errors well under 10&lt;sup&gt;−4&lt;/sup&gt;); a bug in a backward pass shows up as a relative error near 1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;如何阅读表格。&lt;/b&gt;正确的误差反向传播法给出的差值比梯度本身小许多个数量级（相对误差远小于 10&lt;sup&gt;−4&lt;/sup&gt;）；反向传播（backward）中的错误则表现为接近 1 的相对误差。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How many training images the loss is computed on (the book's gradient_check.py uses the first 3).</source>
        <extracomment>At most this many of the checked images' labels are listed. The settings column's narrowest width, in pixels (wider when its texts need it).</extracomment>
        <translation>计算损失所用的训练图像张数（书中的 gradient_check.py 使用前 3 张）。</translation>
    </message>
    <message>
        <source>Hidden units of the network to check; the numerical gradient's time grows with the number of weights (50 gives 39,760).</source>
        <translation>要检查的网络的隐藏层神经元数；数值梯度的耗时随权重数量增长（50 时共 39,760 个）。</translation>
    </message>
    <message>
        <source>The hidden layer's activation function.</source>
        <translation>隐藏层的激活函数。</translation>
    </message>
    <message>
        <source>Seed of the random initial weights: the same seed gives the same figures.</source>
        <translation>随机初始权重的种子：相同的种子得到相同的结果。</translation>
    </message>
    <message>
        <source>&amp;Use the book's 1e-7 inside the log</source>
        <translation>在 log 中使用书中的 1e-7(&amp;U)</translation>
    </message>
    <message>
        <source>Checked: the loss is −log(y + 1e-7) as in the book. Unchecked: −log(y), which reproduces the book's printed differences of 1e-13 to 1e-10.</source>
        <translation>勾选：损失为 −log(y + 1e-7)，与书中相同。不勾选：损失为 −log(y)，可重现书中印出的 1e-13 到 1e-10 的差值。</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>开始确认(&amp;R)</translation>
    </message>
    <message>
        <source>Compute the gradient by central differences and by backpropagation, and compare.</source>
        <translation>分别用中心差分和误差反向传播法计算梯度，并加以比较。</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Stop the numerical gradient; nothing else is changed.</source>
        <translation>停止计算数值梯度；其他内容不受影响。</translation>
    </message>
    <message>
        <source>Hidden la&amp;yer size:</source>
        <translation>隐藏层大小(&amp;Y)：</translation>
    </message>
    <message>
        <source>Activati&amp;on:</source>
        <translation>激活函数(&amp;O)：</translation>
    </message>
    <message>
        <source>Numerical gradient: {percent}% done, {remaining} left</source>
        <translation>数值梯度：已完成 {percent}%，剩余{remaining}</translation>
    </message>
    <message>
        <source>Parameters whose numerical derivative is done (two losses each).</source>
        <translation>已完成数值微分的参数（每个参数计算两次损失）。</translation>
    </message>
    <message>
        <source>Numerical gradient progress</source>
        <translation>数值梯度的进度</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>样本数(&amp;S)：</translation>
    </message>
    <message>
        <source>Rando&amp;m seed:</source>
        <translation>随机种子(&amp;M)：</translation>
    </message>
    <message>
        <source>TwoLayerNet(784, {hidden}, 10) has {count} parameters: the numerical gradient computes the loss {losses} times, backpropagation once forward and once backward.</source>
        <translation>TwoLayerNet(784, {hidden}, 10) 有 {count} 个参数：数值梯度要计算 {losses} 次损失，误差反向传播法只需一次正向传播和一次反向传播。</translation>
    </message>
    <message>
        <source>Too many samples</source>
        <translation>样本数过多</translation>
    </message>
    <message>
        <source>The training set has only {count} images.</source>
        <translation>训练数据只有 {count} 张图像。</translation>
    </message>
    <message>
        <source>Numerical gradient running…</source>
        <translation>正在计算数值梯度…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done: numerical {numerical}, backprop {backprop}.</source>
        <translation>完成：数值梯度 {numerical}，反向传播 {backprop}。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Gradient check cancelled.</source>
        <translation>梯度确认已取消。</translation>
    </message>
    <message>
        <source>The gradient check failed.</source>
        <translation>梯度确认失败。</translation>
    </message>
    <message>
        <source>Gradient check failed</source>
        <translation>梯度确认失败</translation>
    </message>
    <message>
        <source>The gradient check stopped with an error:</source>
        <translation>梯度确认因错误而中止：</translation>
    </message>
    <message>
        <source>{done} / {total} parameters</source>
        <translation>{done} / {total} 个参数</translation>
    </message>
    <message>
        <source>The first {dataset} training image (label {labels})</source>
        <translation>{dataset} 的第一张训练图像（标签 {labels}）</translation>
    </message>
    <message>
        <source>The first {count} {dataset} training images (labels {labels})</source>
        <translation>{dataset} 的前 {count} 张训练图像（标签 {labels}）</translation>
    </message>
    <message>
        <source>Waiting for the training images to load…</source>
        <translation>正在等待训练图像加载…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
</context>
<context>
    <name>GradientTable</name>
    <message>
        <source>Gradients: backprop vs numerical</source>
        <translation>梯度：反向传播与数值梯度对比</translation>
    </message>
    <message>
        <source>Backpropagation against the numerical derivative of chapter 4.</source>
        <translation>将误差反向传播法与第 4 章的数值微分进行对比。</translation>
    </message>
    <message>
        <source>Gradients of the inputs</source>
        <translation>各输入的梯度</translation>
    </message>
    <message>
        <source>Each input's gradient by backpropagation beside the central difference {formula}; click a row to select that input.</source>
        <translation>每个输入用误差反向传播法求得的梯度，旁边是中心差分 {formula} 的结果；点击一行即可选中该输入。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数值梯度</translation>
    </message>
    <message>
        <source>Gradients ∂{output}/∂input: backprop vs numerical</source>
        <translation>梯度 ∂{output}/∂输入：反向传播与数值梯度对比</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>无定义</translation>
    </message>
</context>
<context>
    <name>GraphChooser</name>
    <message>
        <source>Choose one of the book's graphs, or build one from the expression field.</source>
        <translation>选择书中的一个计算图，或根据表达式栏中的算式构建计算图。</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. {first}  or  {second}</source>
        <translation>例如 {first} 或 {second}</translation>
    </message>
    <message>
        <source>Type a formula with + - * /, exp(), log(), numbers and names, then press Enter to draw its graph.</source>
        <translation>输入由 + - * /、exp()、log()、数字和名称组成的算式，然后按 Enter 键画出它的计算图。</translation>
    </message>
    <message>
        <source>E&amp;xpression:</source>
        <translation>表达式(&amp;X)：</translation>
    </message>
    <message>
        <source>Why the expression could not be drawn.</source>
        <translation>表达式无法画出的原因。</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>{symbol} node computing {name}: click for its rule</source>
        <extracomment>Distance between rows of the layout. Inputs and constants are right-aligned this far right of their column. Label slots are reserved for the numbers the labels will show once both passes are done, and never narrower than this. Preferred positions of the labels along an arrow (fraction of its length), best first. Longer output names are shortened.</extracomment>
        <translation>计算 {name} 的{symbol}节点：点击查看其规则</translation>
    </message>
    <message>
        <source>Input {name}: click to edit its value</source>
        <translation>输入 {name}：点击编辑其值</translation>
    </message>
    <message>
        <source>The constant {value}</source>
        <translation>常数 {value}</translation>
    </message>
</context>
<context>
    <name>GraphTab</name>
    <message>
        <source>Apples</source>
        <extracomment>(combo text in English, preset key); the key "expression" builds the graph from the expression field. The texts are translated (context "GraphTab") when the combo is filled.</extracomment>
        <translation>苹果</translation>
    </message>
    <message>
        <source>Apples and oranges</source>
        <translation>苹果和橘子</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid 函数</translation>
    </message>
    <message>
        <source>Your own expression</source>
        <translation>自定义表达式</translation>
    </message>
    <message>
        <source>Graph: {name}</source>
        <translation>计算图：{name}</translation>
    </message>
    <message>
        <source>Not drawn:</source>
        <translation>未能画出：</translation>
    </message>
    <message>
        <source>Expression not drawn:</source>
        <translation>表达式未能画出：</translation>
    </message>
    <message>
        <source>Graph of {expression}</source>
        <translation>{expression} 的计算图</translation>
    </message>
    <message>
        <source>The graph stops here:</source>
        <translation>计算图在此停止：</translation>
    </message>
    <message>
        <source>{name} = {value} refused:</source>
        <translation>不接受 {name} = {value}：</translation>
    </message>
    <message>
        <source>Value refused:</source>
        <translation>不接受该值：</translation>
    </message>
    <message>
        <source>Ready: only the inputs are known. Press Forward step ({key}) to compute the first node.</source>
        <translation>就绪：目前只有输入是已知的。按“正向单步”（{key}）计算第一个节点。</translation>
    </message>
    <message>
        <source>Forward pass, step {step} of {count}: the {symbol} node computed {name} = {value}. Forward pass done; now Backward step ({key}).</source>
        <translation>正向传播，第 {step} 步（共 {count} 步）：{symbol}节点计算出 {name} = {value}。正向传播完成；接下来请按“反向单步”（{key}）。</translation>
    </message>
    <message>
        <source>Forward pass, step {step} of {count}: the {symbol} node computed {name} = {value}.</source>
        <translation>正向传播，第 {step} 步（共 {count} 步）：{symbol}节点计算出 {name} = {value}。</translation>
    </message>
    <message>
        <source>Backward pass, step {step} of {count}: the {symbol} node passed gradients back to {targets}.</source>
        <translation>反向传播，第 {step} 步（共 {count} 步）：{symbol}节点将梯度传回给 {targets}。</translation>
    </message>
    <message>
        <source>Done: {name} = {value}; every gradient is shown in red below its arrow.</source>
        <translation>完成：{name} = {value}；所有梯度都以红色显示在各箭头下方。</translation>
    </message>
    <message>
        <source>How to read it: the number above an arrow is the value flowing forward; &lt;span style='color:{colour}'&gt;&lt;b&gt;the red number below&lt;/b&gt;&lt;/span&gt; is the gradient flowing back, the derivative of the result with respect to that value. The node just computed is outlined (blue forward, red backward); numbers it just produced are bold.</source>
        <translation>读图方法：箭头上方的数字是正向流动的值；&lt;span style='color:{colour}'&gt;&lt;b&gt;下方的红色数字&lt;/b&gt;&lt;/span&gt;是反向流动的梯度，即结果关于该值的导数。刚刚计算的节点带有彩色轮廓（蓝色为正向，红色为反向）；它刚算出的数字以粗体显示。</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>The computation graph: values above the arrows, gradients below in red. Click a node or an input; drag to pan; Ctrl+wheel to zoom.</source>
        <translation>计算图：箭头上方是值，下方红色的是梯度。点击节点或输入可选中它；拖动可平移；Ctrl+滚轮可缩放。</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>The graph's nodes, inputs and arrows with their values and gradients; click a node or an input to show it in the side panel.</source>
        <translation>计算图的节点、输入和箭头，以及它们的值和梯度；点击节点或输入可在侧栏中查看详情。</translation>
    </message>
</context>
<context>
    <name>HistoryBox</name>
    <message>
        <source>Checks so far: mean |diff| per parameter, newest first</source>
        <translation>已完成的确认：各参数的平均 |差值|，最新的在前</translation>
    </message>
    <message>
        <source>Checks so far</source>
        <translation>已完成的确认</translation>
    </message>
    <message>
        <source>Every check finished in this session, newest first, with its mean |diff| per parameter: run with and without the 1e-7 to compare.</source>
        <translation>本次运行中完成的每次确认（最新的在前）及各参数的平均 |差值|：分别在有、无 1e-7 的情况下运行以作比较。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (0)</source>
        <translation>否 (0)</translation>
    </message>
</context>
<context>
    <name>HyperparameterPanel</name>
    <message>
        <source>Book ch.5 (hidden 50, lr 0.1)</source>
        <extracomment>Presets: an English name (the key; translated only for display) and the configuration it stands for. A preset sets every one of ``PRESET_FIELDS``; the seed and the dataset stay.</extracomment>
        <translation>书中第5章（隐藏层 50，学习率 0.1）</translation>
    </message>
    <message>
        <source>Hidden 100, lr 0.5</source>
        <translation>隐藏层 100，学习率 0.5</translation>
    </message>
    <message>
        <source>Custom</source>
        <extracomment>Every field a preset sets: all the panel shows except the seed and the dataset.</extracomment>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Fill in a configuration from the book: chapter 5's network, or the larger one with a higher learning rate that reaches about 98% on the test set.</source>
        <translation>填入书中的配置：第5章的网络，或者更大、学习率更高、在测试数据上识别精度可达约 98% 的网络。</translation>
    </message>
    <message>
        <source>MNIST (bundled)</source>
        <translation>MNIST（内置）</translation>
    </message>
    <message>
        <source>Fashion-MNIST (download)</source>
        <translation>Fashion-MNIST（需下载）</translation>
    </message>
    <message>
        <source>The images to learn from: handwritten digits (shipped with the app) or Zalando's clothing pictures in the same format (downloaded once, about 30 MB).</source>
        <translation>用于学习的图像：手写数字（随应用提供），或格式相同的 Zalando 服装图片（只需下载一次，约 30 MB）。</translation>
    </message>
    <message>
        <source>How many training images to learn from (a random subset); fewer images train faster but generalise worse.</source>
        <translation>用于学习的训练图像数量（随机抽取的子集）；图像越少训练越快，但泛化能力越差。</translation>
    </message>
    <message>
        <source>Number of neurons in the hidden layer (the book uses 50).</source>
        <translation>隐藏层中神经元的数量（书中使用 50）。</translation>
    </message>
    <message>
        <source>The hidden layer's activation function: ReLU (chapter 5's network) or the sigmoid of chapter 4.</source>
        <translation>隐藏层的激活函数：ReLU（第5章的网络）或第4章的 sigmoid 函数。</translation>
    </message>
    <message>
        <source>Gaussian, std</source>
        <translation>高斯分布，标准差</translation>
    </message>
    <message>
        <source>How the initial weights are drawn: a Gaussian with the standard deviation on the right (the book's 0.01), or scaled by the layer's inputs (He for ReLU, Xavier for sigmoid).</source>
        <translation>权重的初始值如何生成：使用右侧标准差的高斯分布（书中为 0.01），或按该层的输入数缩放（ReLU 用 He，sigmoid 用 Xavier）。</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian initial weights (the book's weight_init_std).</source>
        <translation>按高斯分布生成的权重初始值的标准差（书中的 weight_init_std）。</translation>
    </message>
    <message>
        <source>Standard deviation of the initial weights</source>
        <translation>权重初始值的标准差</translation>
    </message>
    <message>
        <source>How far each update moves the weights along the negative gradient; it can be changed while training runs.</source>
        <translation>每次更新时权重沿负梯度方向移动的幅度；训练过程中也可以修改。</translation>
    </message>
    <message>
        <source>Images per mini-batch: each update uses the gradient averaged over this many.</source>
        <translation>每个 mini-batch 的图像数：每次更新使用这些图像的平均梯度。</translation>
    </message>
    <message>
        <source>Number of updates (the book's iters_num); one epoch is training size / batch size iterations.</source>
        <translation>更新的次数（书中的 iters_num）；一个 epoch 为“训练图像数 ÷ 批大小”次迭代。</translation>
    </message>
    <message>
        <source>The update rule: plain stochastic gradient descent as in chapters 4-5, or the chapter-6 methods for comparison.</source>
        <translation>参数的更新方法：第4～5章中朴素的随机梯度下降法 (SGD)，或用于比较的第6章的方法。</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>误差反向传播法</translation>
    </message>
    <message>
        <source>Numerical (very slow)</source>
        <translation>数值微分（非常慢）</translation>
    </message>
    <message>
        <source>How the gradient is computed: backpropagation (chapter 5) or central differences (chapter 4), thousands of times slower.</source>
        <translation>梯度的计算方法：误差反向传播法（第5章）或中心差分（第4章），后者要慢数千倍。</translation>
    </message>
    <message>
        <source>Random, with replacement (book)</source>
        <translation>随机、有放回（书中做法）</translation>
    </message>
    <message>
        <source>Shuffle each epoch</source>
        <translation>每个 epoch 打乱一次</translation>
    </message>
    <message>
        <source>How mini-batches are drawn: independently at random as the book does, or by walking through a fresh shuffle of the training set every epoch.</source>
        <translation>mini-batch 的抽取方式：像书中那样每次独立随机抽取，或每个 epoch 把训练数据重新打乱后依次取出。</translation>
    </message>
    <message>
        <source>float32 (fast)</source>
        <translation>float32（快）</translation>
    </message>
    <message>
        <source>float64 (as in the book)</source>
        <translation>float64（与书中相同）</translation>
    </message>
    <message>
        <source>Floating-point precision of the weights: float32 is about twice as fast; the results are practically the same.</source>
        <translation>权重的浮点精度：float32 大约快一倍，结果几乎相同。</translation>
    </message>
    <message>
        <source>Random seed for the initial weights and the batches: the same seed repeats a run exactly; 'random' draws a new one each time.</source>
        <translation>权重初始值和 mini-batch 的随机种子：相同的种子会完全重现一次训练；选择“随机”则每次使用新的种子。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Training images:</source>
        <translation>训练图像数：</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>学习率(&amp;R)：</translation>
    </message>
    <message>
        <source>Iteratio&amp;ns:</source>
        <translation>迭代次数(&amp;N)：</translation>
    </message>
    <message>
        <source>Optimi&amp;zer:</source>
        <translation>最优化方法(&amp;Z)：</translation>
    </message>
    <message>
        <source>Gr&amp;adient:</source>
        <translation>梯度(&amp;A)：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>数值精度：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Hidden la&amp;yer size:</source>
        <translation>隐藏层大小(&amp;Y)：</translation>
    </message>
    <message>
        <source>Activati&amp;on:</source>
        <translation>激活函数(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Weight init:</source>
        <translation>权重的初始值(&amp;W)：</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>Sa&amp;mpling:</source>
        <translation>抽取方式(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>InputFields</name>
    <message>
        <source>Inputs (Enter applies):</source>
        <extracomment>The editable inputs, in the order shown.</extracomment>
        <translation>输入（按回车生效）：</translation>
    </message>
    <message>
        <source>The input x: two numbers, as 0.6, 0.9</source>
        <translation>输入 x：两个数，例如 0.6, 0.9</translation>
    </message>
    <message>
        <source>The label t: one-hot as 0, 0, 1, or the class as 2</source>
        <translation>标签 t：one-hot 形式如 0, 0, 1，或写类别如 2</translation>
    </message>
    <message>
        <source>The weights W: two rows of three, a semicolon between the rows</source>
        <translation>权重 W：两行，每行三个数，行与行之间用分号隔开</translation>
    </message>
</context>
<context>
    <name>InsideTab</name>
    <message>
        <source>Train a network or load one first: its first-layer weights appear here.</source>
        <extracomment>The most redraws a second while weights stream in from a training run. A redraw may take at most this share of the GUI thread's time: with a large hidden layer (one redraw of 1,000 units takes tens of milliseconds) the redraws are spaced further. Test images the activations are computed on (the same ones every time: seed 0). A sigmoid output this close to 0 or 1 is saturated: its gradient is below 0.01.</extracomment>
        <translation>请先训练网络或加载模型：它的第一层权重会显示在这里。</translation>
    </message>
    <message>
        <source>Same &amp;scale for all tiles</source>
        <translation>所有图块使用同一比例(&amp;S)</translation>
    </message>
    <message>
        <source>Scale every tile by the largest weight of the whole layer instead of its own, so that weak units look pale.</source>
        <translation>用整层中绝对值最大的权重而不是各图块自己的最大值来缩放每个图块，这样较弱的神经元会显得较淡。</translation>
    </message>
    <message>
        <source>Each tile is one hidden unit's 784 incoming weights (a column of W1), laid out as the 28×28 image they multiply. Ink on vermillion pixels switches the unit on, ink on blue pixels switches it off. Hover over a tile for its unit number; click it for details.</source>
        <translation>每个图块是一个隐藏层神经元的 784 个输入权重（W1 的一列），按它们所乘的 28×28 图像排列。落在朱红色像素上的笔迹会激活该神经元，落在蓝色像素上的笔迹会抑制它。将鼠标悬停在图块上可查看神经元编号，点击可查看详情。</translation>
    </message>
    <message>
        <source>How often each output value occurs: every hidden unit on every image of the batch.</source>
        <translation>各输出值出现的次数：批次中每张图像上每个隐藏层神经元的输出。</translation>
    </message>
    <message>
        <source>Histogram of the hidden outputs</source>
        <translation>隐藏层输出的直方图</translation>
    </message>
    <message>
        <source>count</source>
        <translation>频数</translation>
    </message>
    <message>
        <source>hidden output</source>
        <translation>隐藏层输出</translation>
    </message>
    <message>
        <source>For each hidden unit: the share of the batch's images it responds to (ReLU) or its mean output (sigmoid). Click a bar to see that unit.</source>
        <translation>每个隐藏层神经元：有响应的图像在批次中所占的比例（ReLU），或其平均输出（sigmoid）。点击条形可查看该神经元。</translation>
    </message>
    <message>
        <source>Activity of each hidden unit</source>
        <translation>各隐藏层神经元的活跃程度</translation>
    </message>
    <message>
        <source>share of images</source>
        <translation>图像占比</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>隐藏层神经元</translation>
    </message>
    <message>
        <source>Click a tile or a bar to see one unit.</source>
        <translation>点击图块或条形可查看单个神经元。</translation>
    </message>
    <message>
        <source>First layer: W1, one tile per hidden unit</source>
        <translation>第一层：W1，每个隐藏层神经元一个图块</translation>
    </message>
    <message>
        <source>Hidden outputs on {count} test images</source>
        <translation>隐藏层在 {count} 张测试图像上的输出</translation>
    </message>
    <message>
        <source>No network yet.</source>
        <translation>还没有网络。</translation>
    </message>
    <message>
        <source>This network takes {inputs} inputs; its weights cannot be shown as 28×28 pictures.</source>
        <translation>该网络有 {inputs} 个输入，其权重无法显示为 28×28 的图像。</translation>
    </message>
    <message>
        <source>Loading the test images…</source>
        <translation>正在加载测试图像…</translation>
    </message>
    <message>
        <source>sigmoid output</source>
        <translation>sigmoid 输出</translation>
    </message>
    <message>
        <source>Saturated (within 0.01 of 0 or 1, where the gradient almost vanishes): {percent}% of the outputs. Mean output {mean}.</source>
        <translation>饱和（与 0 或 1 相差不到 0.01，梯度几乎消失）：占输出的 {percent}%。平均输出 {mean}。</translation>
    </message>
    <message>
        <source>ReLU output (zeros left out)</source>
        <translation>ReLU 输出（不含零）</translation>
    </message>
    <message>
        <source>All {hidden} units are dead (zero for every image): the network can only guess. A learning rate far too large does this.</source>
        <translation>全部 {hidden} 个神经元都已“死亡”（对每张图像的输出都是零）：网络只能瞎猜。学习率过大就会导致这种情况。</translation>
    </message>
    <message>
        <source>Zero outputs: {percent}% of all. Dead units (zero for all {images} images): {dead} of {hidden}.</source>
        <translation>零输出：占全部的 {percent}%。死亡神经元（对全部 {images} 张图像输出均为零）：{hidden} 个中有 {dead} 个。</translation>
    </message>
    <message>
        <source>mean output</source>
        <translation>平均输出</translation>
    </message>
    <message>
        <source>Unit {unit}: votes most for class {favourite} (W2 {weight})</source>
        <translation>神经元 {unit}：最支持类别 {favourite}（W2 {weight}）</translation>
    </message>
    <message>
        <source>Unit {unit}: votes most for class {favourite} (W2 {weight}); mean output {mean} on the batch.</source>
        <translation>神经元 {unit}：最支持类别 {favourite}（W2 {weight}）；在该批次上的平均输出为 {mean}。</translation>
    </message>
    <message>
        <source>Unit {unit}: votes most for class {favourite} (W2 {weight}); responds to {percent}% of the batch's images.</source>
        <translation>神经元 {unit}：最支持类别 {favourite}（W2 {weight}）；对该批次中 {percent}% 的图像有响应。</translation>
    </message>
</context>
<context>
    <name>LayerGraphView</name>
    <message>
        <source>The network as its layers: each arrow carries an array (its shape above it), values in the cards, gradients framed in red. Click a layer or an element; Ctrl+wheel zooms.</source>
        <translation>按层画出的神经网络：每个箭头传递一个数组（形状写在箭头上方），卡片里是值，红框里是梯度。点击一个层或一个元素；Ctrl+滚轮缩放。</translation>
    </message>
    <message>
        <source>Layer graph</source>
        <translation>层计算图</translation>
    </message>
</context>
<context>
    <name>LayerKind</name>
    <message>
        <source>Affine: passes dY·Wᵀ back to X; W receives Xᵀ·dY and b the sum of dY over the batch</source>
        <translation>Affine：把 dY·Wᵀ 传回 X；W 得到 Xᵀ·dY，b 得到 dY 沿批次的和</translation>
    </message>
    <message>
        <source>matrix product: passes dY·Wᵀ back to x; W receives xᵀ·dY</source>
        <translation>矩阵乘积：把 dY·Wᵀ 传回 x；W 得到 xᵀ·dY</translation>
    </message>
    <message>
        <source>ReLU: passes dout back where x &gt; 0 and 0 where x ≤ 0 (the mask)</source>
        <translation>ReLU：在 x &gt; 0 处把 dout 传回，在 x ≤ 0 处传回 0（掩码）</translation>
    </message>
    <message>
        <source>Sigmoid: passes dout·y(1 − y) back, y being its own output</source>
        <translation>Sigmoid：传回 dout·y(1 − y)，其中 y 是它自己的输出</translation>
    </message>
    <message>
        <source>Softmax-with-Loss: passes (y − t)/N back to the scores, row by row</source>
        <translation>Softmax-with-Loss：逐行把 (y − t)/N 传回给得分</translation>
    </message>
</context>
<context>
    <name>LayerStepper</name>
    <message>
        <source>For&amp;ward step</source>
        <translation>正向单步(&amp;W)</translation>
    </message>
    <message>
        <source>Run the next layer forward</source>
        <translation>正向计算下一层</translation>
    </message>
    <message>
        <source>&amp;Backward step</source>
        <translation>反向单步(&amp;B)</translation>
    </message>
    <message>
        <source>Pass the gradient back through the next layer (after the forward pass)</source>
        <translation>把梯度反向传过下一层（在正向传播之后）</translation>
    </message>
    <message>
        <source>Step bac&amp;k</source>
        <translation>后退一步(&amp;K)</translation>
    </message>
    <message>
        <source>Undo the last step, forward or backward</source>
        <translation>撤销上一步（正向或反向）</translation>
    </message>
    <message>
        <source>R&amp;un all</source>
        <translation>全部运行(&amp;U)</translation>
    </message>
    <message>
        <source>Finish the forward and the backward pass at once</source>
        <translation>一次完成正向传播和反向传播</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the start: only the data and the parameters are known</source>
        <translation>回到开始：只有数据和参数是已知的</translation>
    </message>
    <message>
        <source>Fit &amp;all</source>
        <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
        <source>Fit the whole network into the view again (Ctrl+wheel zooms)</source>
        <translation>重新把整个网络放进视图（Ctrl+滚轮缩放）</translation>
    </message>
    <message>
        <source>Ready: Forward step (F7) runs the first layer.</source>
        <translation>就绪：正向单步（F7）计算第一层。</translation>
    </message>
    <message>
        <source>Done: L = {loss}; every gradient is shown in red.</source>
        <translation>完成：L = {loss}；所有梯度都以红色显示。</translation>
    </message>
    <message>
        <source>Forward pass done: L = {loss}. Backward step (F8) starts the backward pass.</source>
        <translation>正向传播完成：L = {loss}。反向单步（F8）开始反向传播。</translation>
    </message>
    <message>
        <source>Forward: {layer} computed {array}.</source>
        <translation>正向：{layer} 计算出了 {array}。</translation>
    </message>
    <message>
        <source>Backward: {layer} passed the gradient back.</source>
        <translation>反向：{layer} 把梯度传了回去。</translation>
    </message>
</context>
<context>
    <name>LayersTab</name>
    <message>
        <source>The rule of the layer or element you clicked, with this batch's numbers</source>
        <translation>你点击的层或元素的规则，带有本批次的数值</translation>
    </message>
    <message>
        <source>There is no model yet: train one or load one, or choose a fresh network.</source>
        <translation>还没有模型：请先训练或加载一个，或者选择新建的网络。</translation>
    </message>
    <message>
        <source>This network cannot be drawn:</source>
        <translation>无法画出这个网络：</translation>
    </message>
    <message>
        <source>This batch cannot be drawn:</source>
        <translation>无法画出这个批次：</translation>
    </message>
    <message>
        <source>The paused iteration's batch in the layer graph: {count} images</source>
        <translation>层计算图中显示暂停的那次迭代的批次：{count} 张图像</translation>
    </message>
    <message>
        <source>x, W and t as the book prints them; edit them below.</source>
        <translation>x、W 和 t 与书中印出的相同；可在下方修改。</translation>
    </message>
    <message>
        <source>The current model (already updated by this iteration) on the paused iteration's batch.</source>
        <translation>当前模型（已经用这次迭代更新过）作用在暂停的那次迭代的批次上。</translation>
    </message>
    <message>
        <source>TwoLayerNet({sizes}) on the first {n} training images.</source>
        <translation>TwoLayerNet({sizes})，作用在前 {n} 张训练图像上。</translation>
    </message>
    <message>
        <source>The graph stops here:</source>
        <translation>计算图在此停止：</translation>
    </message>
    <message>
        <source>{name} changed; the graph is recomputed</source>
        <translation>{name} 已修改；计算图已重新计算</translation>
    </message>
    <message>
        <source>{name} refused; the old value is kept:</source>
        <translation>不接受 {name}；保留原来的值：</translation>
    </message>
    <message>
        <source>Not computed yet: step on to reach it.</source>
        <translation>尚未计算：继续单步即可到达。</translation>
    </message>
    <message>
        <source>Click a layer to see its rule with this batch's numbers, or an element of a picture to see how it was computed, beside its numerical derivative.</source>
        <translation>点击一个层，查看它的规则和本批次的数值；点击图中的一个元素，查看它是如何计算的，并与数值微分对照。</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>&amp;Open lesson…</source>
        <extracomment>Room the dock's separator and margins take beside the tabs (pixels). A lesson's zoom kept for a window without a zoom yet.</extracomment>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <source>Save l&amp;esson…</source>
        <translation>保存课程(&amp;E)…</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson opened: {title}</source>
        <translation>已打开课程：{title}</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>The lesson {name} was not opened; the window is unchanged.</source>
        <translation>课程 {name} 未打开；窗口保持不变。</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>Could not save the lesson</source>
        <translation>无法保存课程</translation>
    </message>
    <message>
        <source>The lesson was not saved; an existing file keeps its contents.</source>
        <translation>课程未保存；已有的文件保持原内容。</translation>
    </message>
    <message>
        <source>Lesson saved to {path}</source>
        <translation>课程已保存到 {path}</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonFile</name>
    <message>
        <source>larger than {size} KB: not a lesson</source>
        <extracomment>The languages a lesson's texts are written in; English is required, the others fall back to it. The tabs a lesson may name (a window may not have them all: it refuses what it lacks). The translation context of the messages below (the window shows them in its language).</extracomment>
        <translation>超过 {size} KB：不是课程文件</translation>
    </message>
    <message>
        <source>not a lesson: the file is not UTF-8 text</source>
        <translation>不是课程文件：该文件不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>not a lesson: nested more than {limit} levels deep</source>
        <translation>不是课程文件：嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>not a lesson: not valid JSON ({reason}, line {line}, column {column})</source>
        <translation>不是课程文件：不是有效的 JSON（{reason}，第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>not a lesson: {name} is not a number a lesson may hold</source>
        <translation>不是课程文件：课程中不能包含数值 {name}</translation>
    </message>
    <message>
        <source>not a lesson: the key {key} appears twice</source>
        <translation>不是课程文件：键 {key} 出现了两次</translation>
    </message>
    <message>
        <source>not a desktop_nn lesson (its "format" is not "{format}")</source>
        <translation>不是 desktop_nn 的课程文件（其 "format" 不是 "{format}"）</translation>
    </message>
    <message>
        <source>unknown entries in the lesson: {keys}</source>
        <translation>课程中有未知的项：{keys}</translation>
    </message>
    <message>
        <source>the lesson has no title</source>
        <translation>课程没有标题</translation>
    </message>
    <message>
        <source>the lesson's version is not a whole number of at least 1</source>
        <translation>课程的版本号不是不小于 1 的整数</translation>
    </message>
    <message>
        <source>this lesson was made by a newer desktop_nn (lesson format {version}; this version reads format {known}): update desktop_nn to open it</source>
        <translation>此课程由更新版本的 desktop_nn 创建（课程格式 {version}；本版本读取格式 {known}）：请更新 desktop_nn 后再打开</translation>
    </message>
    <message>
        <source>{name} must map languages ({languages}) to texts</source>
        <translation>{name} 必须将语言（{languages}）对应到文本</translation>
    </message>
    <message>
        <source>{name}: unknown language {language} (use {languages})</source>
        <translation>{name}：未知的语言 {language}（请使用 {languages}）</translation>
    </message>
    <message>
        <source>{name} in {language} must be a text of at most {length} characters</source>
        <translation>{language} 的 {name} 必须是不超过 {length} 个字符的文本</translation>
    </message>
    <message>
        <source>the lesson's {name} has no English text</source>
        <translation>课程的 {name} 没有英文文本</translation>
    </message>
    <message>
        <source>{name}: unknown tab {value} (use one of {tabs})</source>
        <translation>{name}：未知的标签页 {value}（请使用以下之一：{tabs}）</translation>
    </message>
    <message>
        <source>zoom must be a whole percentage from {low} to {high}</source>
        <translation>zoom 必须是 {low} 到 {high} 之间的整数百分比</translation>
    </message>
    <message>
        <source>hide must be a list of at most {count} control names</source>
        <translation>hide 必须是最多 {count} 个控件名称的列表</translation>
    </message>
    <message>
        <source>hide: {name} is not a control's name</source>
        <translation>hide：{name} 不是控件名称</translation>
    </message>
    <message>
        <source>tabs must map tab names to their settings</source>
        <translation>tabs 必须将标签页名称对应到其设置</translation>
    </message>
    <message>
        <source>tabs: the settings of {key} are not a set of named values</source>
        <translation>tabs：{key} 的设置不是一组命名的值</translation>
    </message>
    <message>
        <source>the lesson holds what JSON cannot: {reason}</source>
        <translation>课程包含 JSON 无法表示的内容：{reason}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Lesson</source>
        <extracomment>The narrowest the panel is as a column beside the tabs (pixels).</extracomment>
        <translation>课程</translation>
    </message>
    <message>
        <source>The lesson's instructions</source>
        <translation>课程说明</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>Close the lesson: the controls it hid come back; the settings stay as they are.</source>
        <translation>关闭课程：被隐藏的控件重新出现；设置保持不变。</translation>
    </message>
</context>
<context>
    <name>LessonState</name>
    <message>
        <source>{part}.expression is refused: {reason}</source>
        <translation>{part}.expression 被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a pair of numbers [x0, x1]</source>
        <translation>{key} 必须是一对数值 [x0, x1]</translation>
    </message>
    <message>
        <source>the tab's settings are not a set of named values</source>
        <extracomment>The translation context of the messages that refuse a lesson's state. The tab's stable name in lesson files ("training", "graph", "layers", ...).</extracomment>
        <translation>该选项卡的设置不是一组带名称的值</translation>
    </message>
    <message>
        <source>unknown setting(s): {names}</source>
        <translation>未知的设置：{names}</translation>
    </message>
    <message>
        <source>{key} must be a number</source>
        <translation>{key} 必须是数值</translation>
    </message>
    <message>
        <source>{key} must be a whole number</source>
        <translation>{key} 必须是整数</translation>
    </message>
    <message>
        <source>{key} must be between {low:g} and {high:g}</source>
        <translation>{key} 必须在 {low:g} 到 {high:g} 之间</translation>
    </message>
    <message>
        <source>{key} must be one of: {choices}</source>
        <translation>{key} 必须是以下之一：{choices}</translation>
    </message>
    <message>
        <source>{key} must be text</source>
        <translation>{key} 必须是文本</translation>
    </message>
    <message>
        <source>{key} is longer than {length} characters</source>
        <translation>{key} 超过了 {length} 个字符</translation>
    </message>
    <message>
        <source>{key} must be true or false</source>
        <translation>{key} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>expression is only used with the preset "expression"</source>
        <extracomment>Input values a lesson may give (the graphs' values stay readable well inside this). The longest expression a lesson may hold.</extracomment>
        <translation>expression 只能与预设 "expression" 一起使用</translation>
    </message>
    <message>
        <source>the graph cannot be stepped that far: {reason}</source>
        <translation>计算图无法前进到这一步：{reason}</translation>
    </message>
    <message>
        <source>the preset "expression" needs an expression</source>
        <translation>预设 "expression" 需要一个 expression</translation>
    </message>
    <message>
        <source>the expression is refused: {reason}</source>
        <translation>表达式被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{name} = {value:g} is refused: {reason}</source>
        <translation>{name} = {value:g} 被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a list of {count} numbers</source>
        <translation>{key} 必须是包含 {count} 个数值的列表</translation>
    </message>
    <message>
        <source>{key} must be a list of {count} finite numbers</source>
        <translation>{key} 必须是包含 {count} 个有限数值的列表</translation>
    </message>
    <message>
        <source>{keys} apply to the simple network only</source>
        <translation>{keys} 只适用于 simpleNet</translation>
    </message>
    <message>
        <source>t must be one-hot: one 1 and two 0</source>
        <translation>t 必须是 one-hot 表示：一个 1 和两个 0</translation>
    </message>
    <message>
        <source>W must be two rows of 3 numbers</source>
        <translation>W 必须是两行、每行 3 个数值</translation>
    </message>
    <message>
        <source>the layer graph cannot be built: {reason}</source>
        <translation>无法构建层的计算图：{reason}</translation>
    </message>
    <message>
        <source>this version of desktop_nn has no {tabs} tab; the lesson needs it</source>
        <translation>此版本的 desktop_nn 没有 {tabs} 选项卡，而课程需要它</translation>
    </message>
    <message>
        <source>hide: no control named {names} can be hidden</source>
        <translation>hide：没有可以隐藏的名为 {names} 的控件</translation>
    </message>
    <message>
        <source>the numerical gradient needs dtype "float64"</source>
        <extracomment>The whole-number fields, and those that may be null (a fresh seed, every training image). The panel's boxes hold at most this (Qt's spin boxes are 32-bit; the seed's box is not). The controls a lesson may hide: the panel's fields, the speed control, the run buttons, the runs table and its buttons.</extracomment>
        <translation>数值微分求梯度需要 dtype "float64"</translation>
    </message>
    <message>
        <source>the training settings are refused: {reason}</source>
        <translation>训练设置被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a number between {low:g} and {high:g} or one of: {names}</source>
        <translation>{key} 必须是 {low:g} 到 {high:g} 之间的数值，或以下之一：{names}</translation>
    </message>
    <message>
        <source>{key} must be at most {limit}</source>
        <translation>{key} 不能大于 {limit}</translation>
    </message>
    <message>
        <source>speed must be null (full speed) or one of: {choices}</source>
        <translation>speed 必须是 null（全速）或以下之一：{choices}</translation>
    </message>
    <message>
        <source>a training run is going on: stop it first</source>
        <translation>正在进行训练：请先停止</translation>
    </message>
</context>
<context>
    <name>LossControls</name>
    <message>
        <source>The window's model</source>
        <extracomment>The slider runs from -SLIDER_HALF to SLIDER_HALF: one sweep value per position.</extracomment>
        <translation>窗口当前的模型</translation>
    </message>
    <message>
        <source>A fresh network</source>
        <translation>新的网络</translation>
    </message>
    <message>
        <source>The network trained in the Training tab (or loaded), or a new one with the book's initial weights.</source>
        <translation>在“训练”标签页中训练（或加载）的网络，或者使用书中初始权重的新网络。</translation>
    </message>
    <message>
        <source>The parameter array; of its elements, the one with the largest gradient is nudged.</source>
        <translation>参数数组；调整其中梯度最大的那个元素。</translation>
    </message>
    <message>
        <source>How many test images are scored.</source>
        <translation>参与评估的测试图像数量。</translation>
    </message>
    <message>
        <source>How far the slider nudges the weight either way.</source>
        <translation>滑块向两侧调整权重的最大幅度。</translation>
    </message>
    <message>
        <source>Nudge the weight</source>
        <translation>微调权重</translation>
    </message>
    <message>
        <source>Add to the weight, from minus to plus the reach.</source>
        <translation>给权重加上一个值，范围从负幅度到正幅度。</translation>
    </message>
    <message>
        <source>The loss changes with every nudge of the weight; the accuracy only when one image's top class changes, in steps of one image, and is flat in between. Its derivative is zero almost everywhere, so it could not tell learning which way to go: that is why a network learns from its loss (section 4.2.5).</source>
        <translation>权重每一次微小的变化都会改变损失函数的值；识别精度只有在某张图像的最高类别改变时才会以一张图像为单位阶跃变化，其间保持不变。它的导数几乎处处为 0，无法告诉学习该往哪个方向走：这就是神经网络以损失函数为指标进行学习的原因（4.2.5 节）。</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>网络(&amp;W)：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像数：</translation>
    </message>
    <message>
        <source>Reach ±</source>
        <translation>幅度 ±</translation>
    </message>
    <message>
        <source>&amp;Nudge:</source>
        <translation>微调(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>LossPart</name>
    <message>
        <source>loss</source>
        <extracomment>The fresh network: the book's sizes, its initial weights, a fixed seed.</extracomment>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The loss against the weight</source>
        <translation>损失函数随权重的变化</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>识别精度 (%)</translation>
    </message>
    <message>
        <source>The accuracy against the weight</source>
        <translation>识别精度随权重的变化</translation>
    </message>
    <message>
        <source>Waiting for the data to load…</source>
        <translation>正在等待数据加载…</translation>
    </message>
    <message>
        <source>The window's current model.</source>
        <translation>窗口当前的模型。</translation>
    </message>
    <message>
        <source>A fresh network (the book's initial weights, seed 0).</source>
        <translation>新的网络（书中的初始权重，随机种子 0）。</translation>
    </message>
    <message>
        <source>No model yet: a fresh network (seed 0).</source>
        <translation>尚无模型：使用新的网络（随机种子 0）。</translation>
    </message>
    <message>
        <source>{name} = {value:.4f} (nudged by {offset:+.4f}): loss {loss:.6f}, accuracy {accuracy:.1f} % of {count} test images</source>
        <translation>{name} = {value:.4f}（调整量 {offset:+.4f}）：损失 {loss:.6f}，{count} 张测试图像的识别精度 {accuracy:.1f} %</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>loss</source>
        <extracomment>How often the faint raw loss curve is redrawn (the smoothed line follows every frame). Points drawn of the smoothed loss line (it is smooth: a point every few pixels suffices). The loss axis's top when a run starts: above the first losses of a network of ten classes (ln 10 = 2.30), with the margin the axis keeps when it grows; the first frame then does not change the axis (its labels laid out and drawn again).</extracomment>
        <translation>损失</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>The training loss after each iteration: raw values faint, their moving average bold, earlier runs faded.</source>
        <translation>每次迭代后的训练损失：原始值为浅色细线，其移动平均为粗线，之前的运行为淡色曲线。</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <source>lr {rate}</source>
        <extracomment>Learning-rate markers of the current run, and of each overlay.</extracomment>
        <translation>学习率 {rate}</translation>
    </message>
    <message>
        <source>iteration {iteration}: loss {loss} (smoothed {smoothed})</source>
        <translation>第 {iteration} 次迭代：损失 {loss}（平滑后 {smoothed}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Deep Learning from Scratch, chapters 4–5</source>
        <translation>深度学习入门，第4～5章</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Could not load the data:</source>
        <translation>无法加载数据：</translation>
    </message>
    <message>
        <source>Loading MNIST in the background…</source>
        <translation>正在后台加载 MNIST…</translation>
    </message>
    <message>
        <source>&amp;Computation graph</source>
        <translation>计算图(&amp;C)</translation>
    </message>
    <message>
        <source>Layer graph (ch. &amp;5)</source>
        <translation>层计算图（第 5 章）(&amp;5)</translation>
    </message>
    <message>
        <source>&amp;Gradient check</source>
        <translation>梯度确认(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Inside</source>
        <translation>网络内部(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Draw</source>
        <translation>手写(&amp;D)</translation>
    </message>
    <message>
        <source>Chapter &amp;4</source>
        <translation>第 4 章(&amp;4)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;history as CSV…</source>
        <translation>将训练记录导出为 CSV(&amp;H)…</translation>
    </message>
    <message>
        <source>Export &amp;plots as PNG/SVG…</source>
        <translation>将图表导出为 PNG/SVG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;all runs as CSV…</source>
        <translation>将所有运行导出为 CSV(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Eva&amp;luate</source>
        <translation>评估(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About desktop_nn</source>
        <translation>关于 desktop_nn(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Follow the system</source>
        <translation>跟随系统(&amp;F)</translation>
    </message>
    <message>
        <source>The window already speaks this language.</source>
        <translation>窗口已经在使用这种语言。</translation>
    </message>
    <message>
        <source>Data loaded; note:</source>
        <translation>数据已加载；注意：</translation>
    </message>
    <message>
        <source>Loading {dataset}…</source>
        <translation>正在加载 {dataset}…</translation>
    </message>
    <message>
        <source>Download {dataset}?</source>
        <translation>下载 {dataset}？</translation>
    </message>
    <message>
        <source>{dataset} is not on this computer yet. Download it now (about 30 MB, checked against its published checksums)?</source>
        <translation>这台计算机上还没有 {dataset}。现在下载吗？（约 30 MB，下载后会与公开的校验和核对）</translation>
    </message>
    <message>
        <source>{dataset} downloaded; loading…</source>
        <translation>{dataset} 已下载，正在加载…</translation>
    </message>
    <message>
        <source>Could not download {dataset}</source>
        <translation>无法下载 {dataset}</translation>
    </message>
    <message>
        <source>The download failed; the window goes on with MNIST.</source>
        <translation>下载失败，窗口将继续使用 MNIST。</translation>
    </message>
    <message>
        <source>Download of {dataset} cancelled</source>
        <translation>已取消下载 {dataset}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&lt;p&gt;A lab for chapters 4 and 5 of the book: train the two-layer network on MNIST and watch it learn, compare numerical and backpropagated gradients, and step through computation graphs.&lt;/p&gt;</source>
        <extracomment>The book's title and its editions, the same in every language (names are not translated).</extracomment>
        <translation>&lt;p&gt;书中第4章和第5章的实验室：在 MNIST 上训练两层神经网络并观察它的学习过程，比较数值梯度与误差反向传播法求得的梯度，逐步执行计算图。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Book: Koki Saito, {title} ({editions}), chapters 4 and 5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;书籍：斋藤康毅，{title}（{editions}），第4章和第5章。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Data: the MNIST database of handwritten digits by {mnist_authors}, licensed under {mnist_licence}. Fashion-MNIST (downloaded on request) by {fashion_authors}, MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;数据：MNIST 手写数字数据库，作者 {mnist_authors}，按 {mnist_licence} 许可发布。Fashion-MNIST（按需下载），作者 {fashion_authors}，MIT 许可证。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MetricsTable</name>
    <message>
        <source>Per-class precision, recall and F1</source>
        <translation>各类别的精确率、召回率和 F1</translation>
    </message>
    <message>
        <source>Precision: of the images guessed as this class, the share that are. Recall: of this class's images, the share found. F1: their harmonic mean. Click a header to sort.</source>
        <translation>精确率：被预测为该类别的图像中，确实属于该类别的比例。召回率：该类别的图像中被找出的比例。F1：两者的调和平均数。点击表头可排序。</translation>
    </message>
</context>
<context>
    <name>MistakeDetail</name>
    <message>
        <source>Selected mistake</source>
        <translation>选中的错误</translation>
    </message>
    <message>
        <source>The network's probability for each class; the true class's label is bold.</source>
        <translation>网络对各类别给出的概率；真实类别的标签以粗体显示。</translation>
    </message>
    <message>
        <source>Test image {index}: true {true}, guessed {guess} with {guess_percent}% (right).</source>
        <translation>测试图像 {index}：真实为 {true}，以 {guess_percent}% 预测为 {guess}（正确）。</translation>
    </message>
    <message>
        <source>Test image {index}: true {true}, guessed {guess} with {guess_percent}% (wrong). The true class had {true_percent}%.</source>
        <translation>测试图像 {index}：真实为 {true}，以 {guess_percent}% 预测为 {guess}（错误）。真实类别的概率为 {true_percent}%。</translation>
    </message>
</context>
<context>
    <name>MistakesBox</name>
    <message>
        <source>Misclassified test images</source>
        <translation>识别错误的测试图像</translation>
    </message>
    <message>
        <source>Test images the network got wrong, the most confident mistakes first; select one to see its probabilities.</source>
        <translation>网络识别错误的测试图像，置信度最高的错误排在最前；选择一张可查看其概率。</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>全部显示(&amp;A)</translation>
    </message>
    <message>
        <source>List every kind of mistake again, not one cell's.</source>
        <translation>重新列出所有类型的错误，而不只是一个单元格的。</translation>
    </message>
    <message>
        <source>Test image {index}</source>
        <translation>测试图像 {index}</translation>
    </message>
    <message>
        <source>{count} mistakes</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>{count} images of {true} taken for {guess}</source>
        <translation>{count} 张 {true} 被误认为 {guess}</translation>
    </message>
    <message>
        <source>{list}, the most confident first</source>
        <translation>{list}，置信度最高的在前</translation>
    </message>
    <message>
        <source>{list} (the first {limit} shown)</source>
        <translation>{list}（显示前 {limit} 个）</translation>
    </message>
</context>
<context>
    <name>ModelLoading</name>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Stop the run before loading a model.</source>
        <translation>加载模型前请先停止训练。</translation>
    </message>
    <message>
        <source>Could not load the model</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <source>The file was not loaded; the current network is unchanged.</source>
        <translation>文件未加载；当前网络保持不变。</translation>
    </message>
</context>
<context>
    <name>NetChooser</name>
    <message>
        <source>simpleNet (section 4.4.2)</source>
        <extracomment>The networks of the combo box, by the data of their item.</extracomment>
        <translation>simpleNet（4.4.2 节）</translation>
    </message>
    <message>
        <source>MNIST: the current model</source>
        <translation>MNIST：当前模型</translation>
    </message>
    <message>
        <source>MNIST: a fresh network from a seed</source>
        <translation>MNIST：由随机种子新建的网络</translation>
    </message>
    <message>
        <source>The book's simpleNet (2 inputs, 3 outputs, every number on screen), or TwoLayerNet on the first training images: the model of the Training tab or a fresh one.</source>
        <translation>书中的 simpleNet（2 个输入、3 个输出，所有数值都显示在屏幕上），或作用在前几张训练图像上的 TwoLayerNet：训练标签页的模型或新建的网络。</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>网络(&amp;N)：</translation>
    </message>
    <message>
        <source>How many training images the batch holds (N).</source>
        <translation>批次中包含多少张训练图像（N）。</translation>
    </message>
    <message>
        <source>I&amp;mages N:</source>
        <translation>图像数 N(&amp;M)：</translation>
    </message>
    <message>
        <source>The seed a fresh network's weights are drawn from.</source>
        <translation>新建网络的权重所用的随机种子。</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>NodeDetailPanel</name>
    <message>
        <source>the constant {value}</source>
        <translation>常数 {value}</translation>
    </message>
    <message>
        <source>∂{output}/∂{input} by backpropagation: {gradient}</source>
        <translation>误差反向传播法求得的 ∂{output}/∂{input}：{gradient}</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>尚未到达</translation>
    </message>
    <message>
        <source>∂{output}/∂{input} by central difference: {gradient}</source>
        <translation>中心差分求得的 ∂{output}/∂{input}：{gradient}</translation>
    </message>
    <message>
        <source>undefined here</source>
        <translation>此处无定义</translation>
    </message>
    <message>
        <source>Input {input}</source>
        <translation>输入 {input}</translation>
    </message>
    <message>
        <source>An input of the graph. Its gradient says how much {output} changes when {input} grows by a small amount; change the value to see both update.</source>
        <translation>计算图的一个输入。它的梯度表示 {input} 增加一个微小量时 {output} 会变化多少；修改这个值，就能看到两种梯度一起更新。</translation>
    </message>
    <message>
        <source>Constant {value}</source>
        <translation>常数 {value}</translation>
    </message>
    <message>
        <source>A fixed number. The backward pass sends a gradient to it too, but nothing can change it.</source>
        <translation>固定的数。反向传播也会把梯度传给它，但它的值不会改变。</translation>
    </message>
    <message>
        <source>gradient: {gradient}</source>
        <translation>梯度：{gradient}</translation>
    </message>
    <message>
        <source>forward: {output} not computed yet (press Forward step)</source>
        <translation>正向：{output} 尚未计算（请按“正向单步”）</translation>
    </message>
    <message>
        <source>forward: {formula}</source>
        <translation>正向：{formula}</translation>
    </message>
    <message>
        <source>backward: not reached yet</source>
        <translation>反向：尚未到达</translation>
    </message>
    <message>
        <source>backward: dout = {dout}</source>
        <translation>反向：dout = {dout}</translation>
    </message>
    <message>
        <source>{symbol} node: {name}</source>
        <translation>{symbol}节点：{name}</translation>
    </message>
    <message>
        <source>Selected node</source>
        <translation>选中的节点</translation>
    </message>
    <message>
        <source>The rule of the node you clicked, with the numbers of this step.</source>
        <translation>所点击节点的规则，代入了这一步的数值。</translation>
    </message>
    <message>
        <source>Click a node in the graph to see its rule with the current numbers; click an input to change its value.</source>
        <translation>点击图中的节点，查看代入当前数值后的规则；点击输入可修改它的值。</translation>
    </message>
    <message>
        <source>The input's value: type a number and press Enter, or use the arrows; the graph recomputes what it has shown so far.</source>
        <translation>输入的值：键入数字后按 Enter，或使用箭头调整；计算图会重新计算目前已显示的部分。</translation>
    </message>
    <message>
        <source>Val&amp;ue:</source>
        <translation>值(&amp;U)：</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选中任何内容</translation>
    </message>
</context>
<context>
    <name>NodeKind</name>
    <message>
        <source>multiply: passes dout·y to x and dout·x to y (the inputs swap places)</source>
        <translation>乘法：将 dout·y 传给 x，将 dout·x 传给 y（两个输入互换位置）</translation>
    </message>
    <message>
        <source>add: passes dout unchanged to both inputs</source>
        <translation>加法：将 dout 原样传给两个输入</translation>
    </message>
    <message>
        <source>subtract: passes dout to x and -dout to y</source>
        <translation>减法：将 dout 传给 x，将 -dout 传给 y</translation>
    </message>
    <message>
        <source>divide: passes dout/y to x and -dout·x/y² to y</source>
        <translation>除法：将 dout/y 传给 x，将 -dout·x/y² 传给 y</translation>
    </message>
    <message>
        <source>exponential: passes dout·exp(x) to x, i.e. dout times its own output</source>
        <translation>指数函数：将 dout·exp(x) 传给 x，即 dout 乘以自身的输出</translation>
    </message>
    <message>
        <source>reciprocal: passes -dout·y² to x, y being its own output</source>
        <translation>倒数：将 -dout·y² 传给 x，其中 y 是自身的输出</translation>
    </message>
    <message>
        <source>natural logarithm: passes dout/x to x</source>
        <translation>自然对数：将 dout/x 传给 x</translation>
    </message>
    <message>
        <source>power: passes dout·y·x^(y-1) to x and dout·z·log(x) to y</source>
        <translation>幂：将 dout·y·x^(y-1) 传给 x，将 dout·z·log(x) 传给 y</translation>
    </message>
    <message>
        <source>power by a constant c: passes dout·c·x^(c-1) to x</source>
        <translation>常数 c 次幂：将 dout·c·x^(c-1) 传给 x</translation>
    </message>
</context>
<context>
    <name>PlotOptions</name>
    <message>
        <source>Window of the moving average drawn over the raw loss, in iterations.</source>
        <extracomment>The smoothing window, in iterations: its range and its first value.</extracomment>
        <translation>叠加在原始损失上的移动平均的窗口宽度（以迭代次数计）。</translation>
    </message>
    <message>
        <source>Smoothing of the loss curve</source>
        <translation>损失曲线的平滑程度</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis ({key}).</source>
        <translation>用对数坐标显示损失（{key}）。</translation>
    </message>
    <message>
        <source>{count} it</source>
        <translation>{count} 次</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>The network reads</source>
        <extracomment>The answer's height in pixels at the window's actual size.</extracomment>
        <translation>网络的识别结果</translation>
    </message>
    <message>
        <source>The class the network gives the highest probability, and all ten.</source>
        <translation>网络给出最高概率的类别，以及全部十个类别的概率。</translation>
    </message>
    <message>
        <source>{percent}% sure; next: {runner_up} ({runner_up_percent}%)</source>
        <translation>置信度 {percent}%；其次：{runner_up}（{runner_up_percent}%）</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Zoom &amp;in</source>
        <extracomment>The settings key of the zoom level, in percent. Presentation mode shows the texts at least this large (or one step above the zoom).</extracomment>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with larger text, for a projector; Esc leaves it</source>
        <translation>全屏并放大文字，适合投影仪；按 Esc 退出</translation>
    </message>
    <message>
        <source>Zoom: {percent}%</source>
        <translation>缩放：{percent}%</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Class probabilities</source>
        <translation>各类别的概率</translation>
    </message>
</context>
<context>
    <name>ResultsBox</name>
    <message>
        <source>Numerical gradient against backpropagation</source>
        <translation>数值梯度与误差反向传播法的比较</translation>
    </message>
    <message>
        <source>Run the check to time both methods.</source>
        <translation>运行确认即可测量两种方法的耗时。</translation>
    </message>
    <message>
        <source>Per parameter: the mean absolute difference (the figure the book prints), the largest one, and the largest difference relative to the gradients' size.</source>
        <translation>每个参数的平均绝对差（书中印出的数值）、最大绝对差，以及相对于梯度大小的最大差。</translation>
    </message>
    <message>
        <source>Numerical gradient {numerical}, backpropagation {backprop} (the best of {runs} runs after a warm-up run): backprop was {speedup} times faster.</source>
        <translation>数值梯度 {numerical}，误差反向传播法 {backprop}（先预热运行一次，再取 {runs} 次运行中最快的一次）：反向传播快了 {speedup} 倍。</translation>
    </message>
    <message>
        <source>1e-7 (the book's)</source>
        <translation>1e-7（与书中相同）</translation>
    </message>
    <message>
        <source>{images}; TwoLayerNet(784, {hidden}, 10), {activation}, seed {seed}, float64; constant inside the log: {delta}.</source>
        <translation>{images}；TwoLayerNet(784, {hidden}, 10)，{activation}，种子 {seed}，float64；log 中的常数：{delta}。</translation>
    </message>
</context>
<context>
    <name>RunBook</name>
    <message>
        <source>Kept run skipped: {note}</source>
        <extracomment>The settings key that switches keeping the trained networks of runs off (true by default). Notes on kept runs that could not be read, until they are said.</extracomment>
        <translation>已跳过一个已保存的运行：{note}</translation>
    </message>
    <message>
        <source>The run is shown but could not be kept: {reason}</source>
        <translation>该运行已显示，但无法保存到磁盘：{reason}</translation>
    </message>
    <message>
        <source>The oldest kept runs were dropped to stay within the size limit: {names}</source>
        <translation>为不超过容量上限，已删除最早保存的运行：{names}</translation>
    </message>
    <message>
        <source>Cannot rename the run</source>
        <translation>无法重命名该运行</translation>
    </message>
    <message>
        <source>Cannot remove the run</source>
        <translation>无法删除该运行</translation>
    </message>
    <message>
        <source>{run} removed</source>
        <translation>已删除{run}</translation>
    </message>
    <message>
        <source>Cannot clear the kept runs</source>
        <translation>无法清除已保存的运行</translation>
    </message>
    <message>
        <source>{count} runs cleared</source>
        <translation>已清除 {count} 次运行</translation>
    </message>
    <message>
        <source>No model kept</source>
        <translation>没有保存模型</translation>
    </message>
    <message>
        <source>This run was kept without its trained network.</source>
        <translation>这次运行保存时没有包含训练好的网络。</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Model of {run} saved to {path}</source>
        <translation>{run}的模型已保存到 {path}</translation>
    </message>
    <message>
        <source>History of {run} written to {path}</source>
        <translation>{run}的训练记录已写入 {path}</translation>
    </message>
    <message>
        <source>No runs to export</source>
        <translation>没有可导出的运行</translation>
    </message>
    <message>
        <source>Finish or stop a run first.</source>
        <translation>请先完成或停止一次训练。</translation>
    </message>
    <message>
        <source>{count} runs written to {path} and {summary}</source>
        <translation>{count} 次运行已写入 {path} 和 {summary}</translation>
    </message>
    <message>
        <source>Could not write the file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <source>Nothing was written; an existing file keeps its contents.</source>
        <translation>没有写入任何内容；已有文件保持原样。</translation>
    </message>
</context>
<context>
    <name>RunButtons</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start a new run with these settings</source>
        <translation>用这些设置开始一次新的训练</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause or resume the run</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Do one iteration while paused</source>
        <translation>暂停时执行一次迭代</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run; the network keeps what it learned</source>
        <translation>结束训练；网络保留已学到的内容</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Draw fresh initial weights from the seed; this run's curves stay, faded, beside the next run's</source>
        <translation>根据随机种子重新生成权重的初始值；本次运行的曲线会淡化保留，与下一次运行对照</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>Training progress</source>
        <extracomment>The progress bar and its figures change more slowly than the eye needs (Hz). Numerical-gradient runs longer than this count whole iterations only (the bar's range is an integer).</extracomment>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>%v / %m iterations</source>
        <translation>%v / %m 次迭代</translation>
    </message>
    <message>
        <source>{done} / {total} iterations (the next one {percent}% done)</source>
        <translation>{done} / {total} 次迭代（下一次已完成 {percent}%）</translation>
    </message>
    <message>
        <source>{done} / {total} iterations</source>
        <translation>{done} / {total} 次迭代</translation>
    </message>
    <message>
        <source>{rate} it/s · took {elapsed}</source>
        <translation>{rate} 次/秒 · 用时 {elapsed}</translation>
    </message>
    <message>
        <source>{per_iteration} per iteration · took {elapsed}</source>
        <translation>每次迭代 {per_iteration} · 用时 {elapsed}</translation>
    </message>
    <message>
        <source>{rate} it/s · elapsed {elapsed} · remaining {remaining}</source>
        <translation>{rate} 次/秒 · 已用 {elapsed} · 剩余 {remaining}</translation>
    </message>
    <message>
        <source>{per_iteration} per iteration · elapsed {elapsed} · remaining {remaining}</source>
        <translation>每次迭代 {per_iteration} · 已用 {elapsed} · 剩余 {remaining}</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Runs</source>
        <extracomment>The keys of the row menu's button and of Repeat with seeds. The number of seeds the repeat dialog offers first. Rows the table shows at least, and at first (the plots above keep the rest of the height). The widest a column grows to fit its texts, in characters (its tooltip has the rest).</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <source>Click a run to bring its curves to the front; tick it to show them; double-click its name to rename it; right-click for more.</source>
        <translation>单击一次运行可将其曲线置于最前；勾选可显示其曲线；双击名称可重命名；右键单击查看更多操作。</translation>
    </message>
    <message>
        <source>Show curves</source>
        <translation>显示曲线</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save its model…</source>
        <translation>保存其模型…</translation>
    </message>
    <message>
        <source>Export its history…</source>
        <translation>导出其训练记录…</translation>
    </message>
    <message>
        <source>Keep the trained networks of new runs</source>
        <translation>保存新运行训练好的网络</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>What can be done with the selected run</source>
        <translation>对所选运行可进行的操作</translation>
    </message>
    <message>
        <source>Repeat with seeds…</source>
        <translation>用多个种子重复…</translation>
    </message>
    <message>
        <source>Train these settings several times with consecutive seeds and draw their mean with a band of ± one standard deviation.</source>
        <translation>用连续的随机种子将这些设置训练多次，并绘制其平均值及 ± 一个标准差的区间带。</translation>
    </message>
    <message>
        <source>Clear r&amp;uns</source>
        <translation>清除运行(&amp;U)</translation>
    </message>
    <message>
        <source>Remove every run but the current one, from the table and from the disk.</source>
        <translation>从表格和磁盘中删除除当前运行以外的所有运行。</translation>
    </message>
    <message>
        <source>Save the run's model</source>
        <translation>保存该运行的模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Export the run's history</source>
        <translation>导出该运行的训练记录</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Export all runs</source>
        <translation>导出所有运行</translation>
    </message>
    <message>
        <source>Repeat with seeds</source>
        <translation>用多个种子重复</translation>
    </message>
    <message>
        <source>Train the settings shown this many times, with the seed and the next ones:</source>
        <translation>用当前种子及其后的种子，将所示设置训练的次数：</translation>
    </message>
    <message>
        <source>There are no earlier runs to clear.</source>
        <translation>没有可清除的旧运行。</translation>
    </message>
    <message>
        <source>Clear runs</source>
        <translation>清除运行</translation>
    </message>
    <message>
        <source>Remove {count} earlier runs from the table and from the disk? The current run stays.</source>
        <translation>要从表格和磁盘中删除 {count} 次旧运行吗？当前运行会保留。</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Run</source>
        <extracomment>The value a column sorts by (numbers as numbers). How often the running run's row shows its progress (Hz). (iterations, seconds) of the run going on, shown in its row.</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>lr changes</source>
        <translation>学习率变化</translation>
    </message>
    <message>
        <source>Final train</source>
        <translation>最终训练精度</translation>
    </message>
    <message>
        <source>Final test</source>
        <translation>最终测试精度</translation>
    </message>
    <message>
        <source>Best test (epoch)</source>
        <translation>最佳测试精度（epoch）</translation>
    </message>
    <message>
        <source>Seeds: train / test, mean ± std</source>
        <translation>多种子：训练 / 测试，平均值 ± 标准差</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{train} / {test} ({runs} seeds)</source>
        <translation>{train} / {test}（{runs} 个种子）</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Differs from the run before: {changes}</source>
        <translation>与上一次运行不同：{changes}</translation>
    </message>
</context>
<context>
    <name>SamplePreview</name>
    <message>
        <source>Sample</source>
        <translation>样例</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>Loading the test images…</source>
        <translation>正在加载测试图像…</translation>
    </message>
    <message>
        <source>The network's probability for each class</source>
        <translation>网络对各类别给出的概率</translation>
    </message>
    <message>
        <source>Another one</source>
        <translation>换一张</translation>
    </message>
    <message>
        <source>Show another random image from the test set ({key}).</source>
        <translation>从测试数据中随机显示另一张图像（{key}）。</translation>
    </message>
    <message>
        <source>Test image {index}: a {label}. Start training to see the network's guess.</source>
        <translation>测试图像 {index}：{label}。开始训练后即可看到网络的预测。</translation>
    </message>
    <message>
        <source>Test image {index}: guess {guess} ({probability}), true {label}: right</source>
        <translation>测试图像 {index}：预测为 {guess}（{probability}），正确答案为 {label}：预测正确</translation>
    </message>
    <message>
        <source>Test image {index}: guess {guess} ({probability}), true {label}: wrong</source>
        <translation>测试图像 {index}：预测为 {guess}（{probability}），正确答案为 {label}：预测错误</translation>
    </message>
</context>
<context>
    <name>SaveLessonDialog</name>
    <message>
        <source>Save lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>What the class will do</source>
        <translation>学生要做什么</translation>
    </message>
    <message>
        <source>What to look at, what to change, what to expect</source>
        <translation>看什么、改什么、会看到什么</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>说明(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>SeedRepeats</name>
    <message>
        <source>seeds {first}–{last}</source>
        <translation>种子 {first}–{last}</translation>
    </message>
    <message>
        <source>Repeat {index} of {count}, seed {seed}</source>
        <translation>第 {index}/{count} 次重复，种子 {seed}</translation>
    </message>
    <message>
        <source>{runs} seeds: final test accuracy {test_mean:.4f} ± {test_std:.4f}, train {train_mean:.4f} ± {train_std:.4f}</source>
        <translation>{runs} 个种子：最终测试精度 {test_mean:.4f} ± {test_std:.4f}，训练精度 {train_mean:.4f} ± {train_std:.4f}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Where the stepper is and what the last step did.</source>
        <extracomment>The panel's narrowest width, in pixels.</extracomment>
        <translation>当前进行到哪一步，以及上一步做了什么。</translation>
    </message>
    <message>
        <source>Why the last step could not be computed.</source>
        <translation>上一步无法计算的原因。</translation>
    </message>
    <message>
        <source>How to read the drawing.</source>
        <translation>如何看这张图。</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>How fast training runs: full speed, or slowly enough to talk over (down to one iteration a second); it can be changed while training runs.</source>
        <extracomment>Ticks and unticks "Pause at each epoch" (every letter of its text is taken in the tab). The slider's position at full speed (its rightmost). The loss axis of a slowed-down run first spans this many iterations, then doubles.</extracomment>
        <translation>训练的速度：全速，或者慢到可以边讲解边看（最慢每秒一次迭代）；训练进行中也可以调整。</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Pause at each epoch</source>
        <translation>每个 epoch 结束时暂停</translation>
    </message>
    <message>
        <source>Pause when an epoch ends and its accuracies are plotted; Resume goes on.</source>
        <translation>每个 epoch 结束、识别精度画出后暂停；按“继续”接着训练。</translation>
    </message>
    <message>
        <source>{count} it/s</source>
        <translation>{count} 次/秒</translation>
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
        <translation>正向单步(&amp;W)</translation>
    </message>
    <message>
        <source>Compute the next node of the forward pass</source>
        <translation>计算正向传播的下一个节点</translation>
    </message>
    <message>
        <source>&amp;Backward step</source>
        <translation>反向单步(&amp;B)</translation>
    </message>
    <message>
        <source>Pass the gradient back through the next node (after the forward pass)</source>
        <translation>将梯度反向传过下一个节点（在正向传播完成之后）</translation>
    </message>
    <message>
        <source>Step bac&amp;k</source>
        <translation>后退一步(&amp;K)</translation>
    </message>
    <message>
        <source>Undo the last step, forward or backward</source>
        <translation>撤销上一步（正向或反向）</translation>
    </message>
    <message>
        <source>Ru&amp;n all</source>
        <translation>全部运行(&amp;N)</translation>
    </message>
    <message>
        <source>Finish the forward and the backward pass at once</source>
        <translation>一次完成正向传播和反向传播</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the start: only the inputs are known</source>
        <translation>回到开始：只有输入是已知的</translation>
    </message>
    <message>
        <source>Ani&amp;mate</source>
        <translation>动画演示(&amp;M)</translation>
    </message>
    <message>
        <source>Step through both passes on a timer; press again to pause</source>
        <translation>按固定间隔逐步执行正向传播和反向传播；再按一次则暂停</translation>
    </message>
    <message>
        <source>How many steps per second the animation makes.</source>
        <translation>动画每秒执行的步数。</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>{steps} steps/s</source>
        <translation>{steps} 步/秒</translation>
    </message>
</context>
<context>
    <name>TileCanvas</name>
    <message>
        <source>Hidden unit {unit}: weights from {low} to {high}</source>
        <translation>隐藏层神经元 {unit}：权重从 {low} 到 {high}</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>lr {rate}, hidden {hidden}, {optimizer}</source>
        <extracomment>A legend shows at most this many learning rates of one run (first, …, last beyond). Points drawn of an earlier run's smoothed loss. The z-values and widths of an earlier run's curves, normal and brought to the front.</extracomment>
        <translation>学习率 {rate}，隐藏层 {hidden}，{optimizer}</translation>
    </message>
    <message>
        <source>{run}: {settings}</source>
        <extracomment>How long after a run's start the previous run's curves are drawn faded (milliseconds): after the new run's first frames, so that the start's work is spread over several turns.</extracomment>
        <translation>{run}：{settings}</translation>
    </message>
    <message>
        <source>Loading the data; training starts as soon as it is ready…</source>
        <extracomment>A learning rate changed during a run applies once it has stayed this long (milliseconds).</extracomment>
        <translation>正在加载数据；准备好后立即开始训练…</translation>
    </message>
    <message>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <source>These settings cannot be trained; change them and start again.</source>
        <translation>无法用这些设置进行训练；请修改后重新开始。</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>第 {number} 次运行</translation>
    </message>
    <message>
        <source>Run {number} started: seed {seed}, {images} training images</source>
        <translation>第 {number} 次运行已开始：随机种子 {seed}，{images} 张训练图像</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <source>Paused: Step does one iteration, Resume goes on</source>
        <translation>已暂停：“单步”执行一次迭代，“继续”接着训练</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Cannot reset</source>
        <translation>无法重置</translation>
    </message>
    <message>
        <source>No network can be made from these settings; the weights are unchanged.</source>
        <translation>无法用这些设置创建网络；权重保持不变。</translation>
    </message>
    <message>
        <source>Weights reset (seed {seed})</source>
        <translation>权重已重置（随机种子 {seed}）</translation>
    </message>
    <message>
        <source>Finished {iterations} iterations in {time}: train accuracy {train}, test accuracy {test}</source>
        <extracomment>Runs slower than this ask for confirmation before they start (seconds).</extracomment>
        <translation>已完成 {iterations} 次迭代，用时 {time}：训练数据识别精度 {train}，测试数据识别精度 {test}</translation>
    </message>
    <message>
        <source>Diverged:</source>
        <translation>发散：</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>训练发散了</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>The run stopped because of an error; the network keeps what it had learned.</source>
        <translation>训练因错误而停止；网络保留此前学到的内容。</translation>
    </message>
    <message>
        <source>Stopped after {iterations} iterations</source>
        <translation>已在 {iterations} 次迭代后停止</translation>
    </message>
    <message>
        <source>At iteration {iteration} every ReLU in the hidden layer had output 0 for every image of many batches in a row: no gradient reaches the first layer any more, so the network can only guess (loss {loss}). The run was stopped.

The learning rate ({rate}) is too large: one big update pushed the hidden units where they never switch on again. Lower it (try {smaller}) and start again.</source>
        <extracomment>The loss is "stuck" when its mean over a window of this many iterations stays above STUCK_FACTOR times the chance-level loss ln(classes) and no lower than the window before. The translation context of :data:`EXPLANATIONS` (the Training tab shows them). The dialog's explanation of each kind of divergence; placeholders: {iteration}, {loss}, {rate} (the learning rate) and {smaller} (a tenth of it).</extracomment>
        <translation>在第 {iteration} 次迭代时，隐藏层的所有 ReLU 对连续多个 mini-batch 中的每张图像都输出 0：梯度再也传不到第一层，网络只能瞎猜（损失 {loss}）。训练已停止。

学习率（{rate}）太大：一次过大的更新把隐藏层的神经元推到了再也不会激活的位置。请降低学习率（试试 {smaller}）后重新开始。</translation>
    </message>
    <message>
        <source>At iteration {iteration} the loss had stayed near {loss} for hundreds of iterations, far above what random guessing gives, so the run was stopped.

The learning rate ({rate}) is too large: the updates overshoot and the network saturates. Lower it (try {smaller}) and start again.</source>
        <translation>到第 {iteration} 次迭代时，损失已在 {loss} 附近停留了数百次迭代，远高于随机猜测的水平，因此训练已停止。

学习率（{rate}）太大：每次更新都越过了头，网络陷入饱和。请降低学习率（试试 {smaller}）后重新开始。</translation>
    </message>
    <message>
        <source>The loss became {loss} at iteration {iteration}, so the run was stopped.

The learning rate ({rate}) is too large for this network: the updates overshoot and the weights blow up. Lower it (try {smaller}) and start again.</source>
        <translation>在第 {iteration} 次迭代时损失变成了 {loss}，因此训练已停止。

对这个网络来说学习率（{rate}）太大：每次更新都越过了头，权重发散。请降低学习率（试试 {smaller}）后重新开始。</translation>
    </message>
    <message>
        <source>Learning rate now {rate}</source>
        <translation>学习率已改为 {rate}</translation>
    </message>
    <message>
        <source>{dataset}: {train} training and {test} test images ready</source>
        <translation>{dataset}：{train} 张训练图像和 {test} 张测试图像已就绪</translation>
    </message>
    <message>
        <source>Cannot load the data</source>
        <translation>无法加载数据</translation>
    </message>
    <message>
        <source>The data could not be read; the window keeps what it had loaded before.</source>
        <translation>无法读取数据；窗口继续使用之前加载的数据。</translation>
    </message>
    <message>
        <source>Numerical gradient is slow</source>
        <translation>数值梯度很慢</translation>
    </message>
    <message>
        <source>The numerical gradient computes the loss twice for each of the network's parameters: {per_iteration} per iteration here, so {iterations} iterations would take {total}.

Backpropagation gets the same gradient thousands of times faster. Start anyway?</source>
        <translation>数值梯度需要对网络的每个参数各计算两次损失：在这台计算机上每次迭代需要{per_iteration}，因此 {iterations} 次迭代需要{total}。

误差反向传播法求同样的梯度要快数千倍。仍然开始吗？</translation>
    </message>
    <message>
        <source>mean ± std of {runs} seeds</source>
        <extracomment>Points drawn of the loss band (it is smooth). The opacity of a band's fill (of 255).</extracomment>
        <translation>{runs} 个种子的平均值 ± 标准差</translation>
    </message>
    <message>
        <source>train acc, {band}</source>
        <translation>训练精度，{band}</translation>
    </message>
    <message>
        <source>test acc, {band}</source>
        <translation>测试精度，{band}</translation>
    </message>
    <message>
        <source>Open this iteration in the layer graph</source>
        <extracomment>The key of "Open this iteration in the layer graph".</extracomment>
        <translation>在层计算图中打开这次迭代</translation>
    </message>
    <message>
        <source>Show the paused iteration's batch (its first 100 images) in the Layer graph tab</source>
        <translation>在“层计算图”标签页中显示暂停的那次迭代的批次（前 100 张图像）</translation>
    </message>
</context>
<context>
    <name>ViewPictures</name>
    <message>
        <source>Export &amp;view…</source>
        <extracomment>The PNG choices of the export dialog: image pixels per on-screen pixel (None: the screen's).</extracomment>
        <translation>导出视图(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the current tab's main view as a PNG image or an SVG drawing</source>
        <translation>将当前标签页的主视图保存为 PNG 图像或 SVG 矢量图</translation>
    </message>
    <message>
        <source>&amp;Copy picture</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <source>Put the current tab's main view on the clipboard as a picture</source>
        <translation>将当前标签页的主视图作为图片复制到剪贴板</translation>
    </message>
    <message>
        <source>PNG image at the screen's resolution</source>
        <translation>PNG 图像（屏幕分辨率）</translation>
    </message>
    <message>
        <source>PNG image at twice the resolution</source>
        <translation>PNG 图像（两倍分辨率）</translation>
    </message>
    <message>
        <source>PNG image at four times the resolution</source>
        <translation>PNG 图像（四倍分辨率）</translation>
    </message>
    <message>
        <source>SVG drawing with its text</source>
        <translation>SVG 矢量图（文字保留为文本）</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>Unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>A view can be exported as .png or .svg.</source>
        <translation>视图可以导出为 .png 或 .svg。</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>无法导出视图</translation>
    </message>
    <message>
        <source>The picture was not written; an existing file keeps its contents.</source>
        <translation>图片未写入；已有的文件保持原样。</translation>
    </message>
    <message>
        <source>View written to {path}</source>
        <translation>视图已写入 {path}</translation>
    </message>
    <message>
        <source>Could not copy the picture</source>
        <translation>无法复制图片</translation>
    </message>
    <message>
        <source>Picture of the view copied to the clipboard</source>
        <translation>视图的图片已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>WeightTilesView</name>
    <message>
        <source>Weights of the first layer (W1)</source>
        <translation>第一层的权重（W1）</translation>
    </message>
    <message>
        <source>One 28×28 tile per hidden unit; click a tile to describe its unit.</source>
        <translation>每个隐藏层神经元一个 28×28 图块；点击图块可查看该神经元的说明。</translation>
    </message>
</context>
<context>
    <name>ZoomControls</name>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit &amp;all</source>
        <translation>显示全部(&amp;A)</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view again</source>
        <translation>重新缩放，使整个计算图显示在视图中</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
</context>
</TS>