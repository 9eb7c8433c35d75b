import { describe, expect, it } from 'vitest';
import { isStopword } from './stopwords.ts';

describe('isStopword', () => {
  it.each(['في', 'فى', 'من', 'إلى', 'الى', 'على', 'هذه', 'الذي'])(
    'refuses the function word «%s»',
    (word) => {
      expect(isStopword(word)).toBe(true);
    },
  );
  it.each(['حلب', 'قسد', 'الأسد', 'في حلب'])('accepts «%s», which may be a name', (word) => {
    expect(isStopword(word)).toBe(false);
  });
});
