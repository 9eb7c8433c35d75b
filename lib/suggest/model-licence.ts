/**
 * The provenance and licences of the recogniser's model, written into `model.json` by the training
 * script and kept beside it in `MODEL-LICENSE.md`. The model's weights are derived from both corpora;
 * NewsFANE Gold is CC BY-SA 3.0, so the model file is shared under CC BY-SA 3.0 too.
 */
export const MODEL_SOURCES = [
  {
    name: 'Wojood (public sample), SinaLab/ArabicNER @ ef3a7f4 data/train.txt',
    url: 'https://github.com/SinaLab/ArabicNER',
    licence: 'MIT (Copyright (c) 2021, Mohammed Khalilia)',
    use: 'training (train split only; the val split measures, the test split is not used)',
  },
  {
    name: 'NewsFANE Gold 2014 (Alotaibi & Lee, COLING 2014)',
    url: 'http://www.cs.bham.ac.uk/~fsa081/',
    licence: 'CC BY-SA 3.0 Unported (https://creativecommons.org/licenses/by-sa/3.0/)',
    use: 'training (clitics re-attached, fine classes mapped to person/place/organization)',
  },
];

export const MODEL_LICENCE_SUMMARY =
  'Rasid name recogniser weights. Derived from the Wojood sample (MIT, (c) 2021 Mohammed Khalilia) and ' +
  'NewsFANE Gold (F. Alotaibi and M. Lee, "A Hybrid Approach to Features Representation for ' +
  'Fine-grained Arabic Named Entity Recognition", COLING 2014; CC BY-SA 3.0). This model file is ' +
  'licensed under CC BY-SA 3.0 Unported (https://creativecommons.org/licenses/by-sa/3.0/); the full ' +
  'licence texts are in licence.texts and in lib/suggest/MODEL-LICENSE.md.';
