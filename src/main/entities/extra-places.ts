/**
 * Places beyond the Xinjiang gazetteer that testimonies name constantly (the region, the countries
 * a witness leaves and reaches), and the Arabic spellings of the gazetteer's most named places,
 * which gazetteer-xinjiang.json does not carry. Names are facts (spellings as in the Wikipedia
 * articles of each language, transcribed by hand for issue 18).
 */
import type { NameGroup } from '../search/names/gazetteer.ts';

export const EXTRA_PLACES: readonly NameGroup[] = [
  { label: 'Xinjiang', names: ['Xinjiang', 'East Turkestan', 'Sinkiang', '新疆', 'شىنجاڭ', 'شەرقىي تۈركىستان', 'Шыңжаң', 'Синьцзян', 'Шинжаң', 'شينجيانغ', 'تركستان الشرقية'] },
  { label: 'China', names: ['China', '中国', 'خىتاي', 'جۇڭگو', 'Қытай', 'Китай', 'الصين'] },
  { label: 'Kazakhstan', names: ['Kazakhstan', '哈萨克斯坦', 'قازاقىستان', 'Қазақстан', 'Казахстан', 'كازاخستان'] },
  { label: 'Almaty', names: ['Almaty', 'Alma-Ata', '阿拉木图', 'ئالمۇتا', 'Алматы', 'Алма-Ата', 'ألماتي'] },
  { label: 'Beijing', names: ['Beijing', 'Peking', '北京', 'بېيجىڭ', 'Бейжің', 'Пекин', 'بكين'] },
  { label: 'Astana', names: ['Astana', 'Nur-Sultan', '阿斯塔纳', 'ئاستانا', 'Астана', 'أستانا'] },
  { label: 'Istanbul', names: ['Istanbul', '伊斯坦布尔', 'ئىستانبۇل', 'Стамбұл', 'Стамбул', 'إسطنبول'] },
];

/**
 * Spellings added to gazetteer places, by their English label: Arabic ones, and Lopnur alone for
 * Yuli (the gazetteer has "Lopnur County"; testimonies write "Lopnur, Ili and Toli counties").
 */
export const EXTRA_SPELLINGS: Readonly<Record<string, string[]>> = {
  'Ürümqi': ['أورومتشي', 'أورومچي'],
  Kashgar: ['كاشغر'],
  Hotan: ['خوتان'],
  Ili: ['إيلي'],
  Ghulja: ['غولجا'],
  Turpan: ['توربان'],
  Aksu: ['أكسو'],
  Toli: ['تولي'],
  Emin: ['إمين'],
  Shawan: ['شاوان'],
  Yuli: ['لوبنور', 'Lopnur', 'Лопнур', 'لوپنۇر'],
  Altay: ['ألتاي'],
  Tacheng: ['تاتشنغ'],
};
