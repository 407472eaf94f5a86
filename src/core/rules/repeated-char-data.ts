/**
 * What repeated-char knows about the characters it watches: when two of them in a row are a word,
 * a word and a particle, or an idiom, and so are not a typo.
 *
 * Where the lists come from: compiled by hand for this rule from the common words of a general
 * dictionary (the entries beginning or ending in each character) that official documents, speeches
 * and reports use, plus the idioms of classical origin that keep a doubled character. They are
 * compact on purpose, not exhaustive: a word missing here is found by the segmenter when it is
 * loaded, and without it the rule errs on the side of saying nothing only where a list says so.
 */

/** Function words and particles that are almost never doubled in writing. */
export const WATCHED = '的了在和与及对把被将并就都而于从向按之们';

/**
 * A suffix that is never a word on its own: doubled, it is always a typo (我们们), whatever the
 * segmenter or the neighbouring words say.
 */
export const BOUND = '们';

/** Punctuation marks a doubled copy of which is dropped mechanically. */
export const PUNCTUATION = '，、；：';

/**
 * Words ending in the character after which the same character may follow as a particle or a
 * preposition: 目的 + 的 (以……为目的的调研), 不得了 + 了, 现在 + 在 (现在在座的), 成都 + 都 (成都都是),
 * 植被 + 被 (植被被破坏), 绝对 + 对 (绝对对党忠诚), 温和 + 和 (温和和理性). Words after which the
 * character cannot follow (为了, 除了, 罢了, 以及, 由于 …) are left out on purpose: 为了了 is a typo.
 */
export const ENDS: Readonly<Record<string, readonly string[]>> = {
  的: ['目的', '标的', '鹄的', '是的', '似的', '众矢之的'],
  了: ['不了', '不得了'],
  在: ['现在', '实在', '好在', '存在', '所在'],
  和: ['总和', '缓和', '温和', '平和', '柔和', '饱和', '调和', '暖和', '祥和', '谦和', '随和', '中和', '附和', '人和', '讲和', '议和'],
  与: ['参与', '给与', '赋与', '授与'],
  及: ['普及', '涉及', '波及', '顾及', '惠及', '提及', '触及', '危及', '企及', '不及'],
  对: ['绝对', '相对', '一对', '面对', '应对', '核对', '比对', '校对', '派对', '配对'],
  把: ['一把', '火把', '刀把', '车把', '门把'],
  被: ['植被', '棉被', '覆被'],
  将: ['大将', '上将', '中将', '少将', '主将', '干将', '猛将', '名将', '老将', '闯将', '麻将'],
  并: ['合并', '兼并', '归并', '吞并'],
  就: ['成就', '造就', '迁就', '将就', '高就'],
  都: ['首都', '古都', '国都', '京都', '成都', '故都', '旧都', '陪都', '帝都', '定都', '建都', '迁都'],
  于: ['终于'],
  从: ['随从', '侍从', '仆从'],
  向: ['方向', '导向', '取向', '走向', '动向', '流向', '意向', '去向', '倾向', '志向', '风向', '航向', '朝向'],
  按: ['编者按'],
};

/**
 * Words starting with the character, which may follow the same character used as a particle or a
 * preposition: 把 + 把关 (要把把关作用发挥好), 与 + 与会 (与与会代表座谈), 在 + 在线, 对 + 对口,
 * 就 + 就业, 从 + 从严, 和 + 和谐, 为了 + 了解 (为了了解情况), 有的 + 的确 (有的的确很好).
 */
export const STARTS: Readonly<Record<string, readonly string[]>> = {
  的: ['的确', '的士'],
  了: ['了解', '了却', '了结', '了断', '了然', '了如指掌', '了不起', '了不得', '了得', '了事', '了无'],
  在: [
    '在线', '在岗', '在职', '在建', '在校', '在场', '在座', '在内', '在意', '在乎', '在押', '在逃', '在编', '在任', '在世',
    '在野', '在望', '在即', '在握', '在案', '在册', '在读', '在途', '在库', '在售', '在研', '在营', '在保', '在办', '在用',
    '在所难免', '在所不惜',
  ],
  和: [
    '和谐', '和平', '和睦', '和美', '和气', '和解', '和善', '和煦', '和蔼', '和衷共济', '和风细雨', '和而不同', '和为贵',
    '和合', '和声', '和弦', '和约', '和谈', '和好', '和顺',
  ],
  与: ['与会', '与时俱进', '与日俱增', '与众不同', '与人为善', '与生俱来', '与世隔绝', '与世无争'],
  及: ['及时', '及早', '及格', '及第'],
  对: [
    '对方', '对象', '对口', '对接', '对话', '对外', '对内', '对照', '对比', '对应', '对策', '对待', '对手', '对立', '对称',
    '对抗', '对标', '对表', '对症', '对准', '对齐', '对岸', '对面', '对联', '对子', '对错', '对等', '对冲', '对质', '对证',
    '对号入座', '对峙', '对仗', '对视', '对流', '对换', '对调', '对白', '对头', '对付', '对路', '对劲',
  ],
  把: ['把关', '把握', '把脉', '把守', '把持', '把手', '把控', '把舵', '把戏', '把柄', '把门', '把玩'],
  被: ['被子', '被告', '被害', '被保险', '被执行', '被审计', '被调查', '被检查', '被评估', '被考核', '被褥', '被单', '被窝', '被服'],
  将: ['将来', '将军', '将领', '将士', '将帅', '将官', '将心比心', '将计就计'],
  并: ['并购', '并列', '并存', '并轨', '并网', '并入', '并联', '并肩', '并行', '并发', '并案', '并表'],
  就: ['就业', '就医', '就学', '就读', '就近', '就地', '就位', '就职', '就任', '就绪', '就餐', '就诊', '就座', '就范', '就义'],
  都: ['都市', '都城', '都江堰'],
  而: ['而立', '而今'],
  于: ['于都', '于田'],
  从: [
    '从严', '从事', '从业', '从政', '从简', '从快', '从优', '从重', '从宽', '从轻', '从头', '从小', '从容', '从属', '从军',
    '从教', '从医', '从警', '从商', '从善如流', '从长计议', '从无到有',
  ],
  向: ['向导', '向日葵', '向阳', '向心力', '向量'],
  按: ['按钮', '按键', '按摩', '按揭', '按语'],
};

/**
 * Words the segmenter may cut after the character that cannot follow it as a particle: with them the
 * doubled character is still a typo (就就是, 并并且, 对对于, 在在于). Any other word of the segmenter
 * that starts with the character (对/对外开放, 和/和谐社会) counts as a word after a particle.
 */
export const NOT_AFTER_PARTICLE: Readonly<Record<string, readonly string[]>> = {
  的: ['的话', '的是'],
  了: ['了吧', '了吗'],
  在: ['在于', '在此', '在这', '在那'],
  和: ['和着'],
  与: ['与其', '与否'],
  及: ['及其'],
  对: ['对于', '对此'],
  把: ['把它', '把他'],
  被: ['被迫', '被动'],
  将: ['将要', '将会', '将其', '将近'],
  并: ['并且', '并不', '并非', '并未', '并没有', '并无', '并重', '并举'],
  就: ['就是', '就要', '就会', '就能', '就算', '就此', '就像'],
  都: ['都是', '都要', '都会', '都能', '都有'],
  而: ['而且', '而是', '而已', '而言', '而后'],
  于: ['于是', '于此'],
  从: ['从而', '从来', '从未', '从不', '从没', '从此', '从中'],
  向: ['向着', '向来', '向往'],
  按: ['按照', '按时', '按期'],
  之: ['之后', '之前', '之间', '之中', '之一', '之外', '之内', '之下', '之上', '之所以'],
};

/**
 * Idioms and set phrases that hold the doubled character, and reduplicated measure words after 一:
 * 不了了之, 了了分明, 在在皆是 (everywhere), 一对对, 一把把, 对对子, and the spoken 对对对.
 */
export const PHRASES: readonly string[] = [
  '不了了之', '了了分明', '了了可见', '小时了了', '心中了了', '在在皆是', '一对对', '一把把', '对对子',
  '对对碰', '对对对', '将将就就', '和和气气', '和和美美', '的的确确',
];
