import { render } from 'preact';
import { TeamLine, TEAM_LINE_CSS } from '../../components/TeamLine.tsx';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { sendMessage } from '../../lib/browser/send-message.ts';
import { teamLineOf } from '../../lib/session/card-team-address.ts';

/**
 * The team's line in a name's card (issue #17): "seen by your team on 7 pages of 4 sites, first by Rana
 * on 3 March". What the team read is the reader's (and the team's) private knowledge: the card lives in
 * the page (a closed shadow root), so the line is drawn here, in an extension page embedded in the card,
 * which the page cannot read (another origin). It asks the background, as an extension page may, about
 * the one entity and page its address names; the page learns nothing it did not know.
 */
const i18n = pageTranslator('teamCardFrame');
const style = document.createElement('style');
style.textContent = TEAM_LINE_CSS;
document.head.append(style);
const root = document.getElementById('app')!;
const asked = teamLineOf(location.hash);
if (asked) {
  void sendMessage('entity/history', {
    url: asked.url,
    canonical: asked.canonical,
    entities: [asked.entity],
  }).then((r) => {
    if (r.ok) render(<TeamLine i18n={i18n} history={r.value[0]} />, root);
  });
}
