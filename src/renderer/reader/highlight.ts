import type { CSSProperties } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';

/** The grey of a passage whose tags were all removed: still visible, clearly uncoded. */
export const UNCODED = '#bdbdbd';

/**
 * How a stretch covered by one or more passages looks: the first passage's tag colour as a light
 * background, and each further passage's colour as a band underneath, so nested and crossing
 * passages stay distinguishable and the text stays readable (issue 5).
 */
export function highlightStyle(passageIds: string[], passages: Map<string, PassageView>, tags: Map<string, Tag>): CSSProperties {
  const colours = passageIds.map((id) => {
    const tagId = passages.get(id)?.tagIds[0];
    return (tagId && tags.get(tagId)?.color) || UNCODED;
  });
  const [first, ...rest] = colours;
  return {
    backgroundColor: `${first ?? UNCODED}${passageIds.length > 1 ? '80' : '55'}`,
    boxShadow: rest.length ? rest.map((c, i) => `inset 0 -${3 * (i + 1)}px 0 ${c}`).join(', ') : undefined,
    paddingBottom: rest.length > 1 ? `${Math.min(3 * rest.length, 9)}px` : undefined,
  };
}

export function passageLabel(passageIds: string[], passages: Map<string, PassageView>, tags: Map<string, Tag>): string {
  const names = passageIds.flatMap((id) => passages.get(id)?.tagIds ?? []).map((id) => tags.get(id)?.name);
  const unique = [...new Set(names.filter(Boolean))];
  return unique.length ? t('reader.highlight.tagged', { names: unique.join(', ') }) : t('reader.highlight.untagged');
}
