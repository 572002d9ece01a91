import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/form/define.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { fromFhirQuestionnaire, toFhirQuestionnaireResponse } from '../../src/export/index.js';
import { errorBoxes, expectAccessible, fillEverything, settle } from './helpers.js';

type CorpusFile = { name: string; json: Record<string, unknown> };

/** The count of answered items of a result, voices included. */
const answered = (result: { answers: Record<string, unknown> } | null) => Object.keys(result?.answers ?? {}).length;

describe('FHIR corpus in <boussole-form>', () => {
  let files: CorpusFile[] = [];
  before(async () => {
    files = (await executeServerCommand('read-fhir-corpus')) as CorpusFile[];
  });

  it('reads the 14 Questionnaires of the corpus', () => {
    expect(files.map((f) => f.name)).to.have.length(14);
  });

  // One test per file, in the corpus's order; the names come from the server, so the tests are made from a list.
  for (let index = 0; index < 14; index++) {
    it(`Questionnaire ${index + 1} of 14: its import renders with no error, is filled by clicking and typing, and answers the original`, async function () {
      this.timeout(60000);
      const { name, json } = files[index]!;
      const { instrument, mapping } = fromFhirQuestionnaire(json);
      const el = await fixture<BoussoleForm>(html`<boussole-form .instrument=${instrument}></boussole-form>`);
      await settle(el);
      expect(errorBoxes(el), name).to.deep.equal([]);
      // The description says why some text is in one language only.
      expect(/les textes non traduits restent dans cette langue/.test(el.shadowRoot!.textContent ?? ''), `${name}: the note on untranslated text`).to.equal(true);
      if (index === 0 || index === 5) await expectAccessible(el);
      await fillEverything(el);
      expect(errorBoxes(el), name).to.deep.equal([]);
      const result = el.value!;
      expect(answered(result), name).to.be.greaterThan(0);
      const { resource } = toFhirQuestionnaireResponse(instrument, result, { mapping });
      expect((resource.item ?? []).length, name).to.be.greaterThan(0);
      // Every linkId answered is one of the original Questionnaire's.
      const links = new Set<string>();
      const collect = (items: unknown) => (items as { linkId: string; item?: unknown }[] | undefined)?.forEach((i) => (links.add(i.linkId), collect(i.item)));
      collect(json.item);
      const answeredLinks: string[] = [];
      const walk = (items: { linkId: string; item?: unknown; answer?: { item?: unknown }[] }[] | undefined) =>
        items?.forEach((i) => (answeredLinks.push(i.linkId), walk(i.item as never), i.answer?.forEach((a) => walk(a.item as never))));
      walk(resource.item as never);
      expect(answeredLinks.filter((l) => !links.has(l)), name).to.deep.equal([]);
    });
  }
});
