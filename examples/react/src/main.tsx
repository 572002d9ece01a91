// Boussole in a React 19 page built with Vite: the README's React recipes, as a page uses them: the parent keeps the draft in state, updated on every
// boussole-change (so it re-renders on each answer), and has a text field of its own. `?recipe=ref` is
// the ref recipe (React 18 and 19), otherwise React 19's own syntax.
import 'boussole/elements/form.js'; // first: the tag is defined before React's first render
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { BoussoleForm, BoussoleSubmitEvent } from 'boussole';
import type { Result } from 'boussole';
import type {} from 'boussole/react-jsx';

const instrument = {
  id: 'org-visit',
  version: '1.0.0',
  title: { fr: 'Visite de l’organisme', en: 'Organisation visit' },
  source: { note: { fr: 'Exemple', en: 'Example' }, licence: { fr: 'Libre', en: 'Free' }, illustrative: true },
  sections: [
    {
      id: 'one',
      kind: 'theme',
      title: { fr: 'Accueil', en: 'Welcome' },
      items: [
        { id: 'met', type: 'yes-no', required: true, label: { fr: 'La famille était présente ?', en: 'Was the family there?' } },
        { id: 'safe', type: 'yes-no', required: true, label: { fr: 'Le logement est sécuritaire ?', en: 'Is the home safe?' } },
      ],
    },
  ],
};

interface RecordProps {
  draft: Result | null;
  onSave: (result: Result) => Promise<void>;
  onDraft: (result: Result | null) => void;
}

/** React 19: properties and `on<event>` props; the draft is given once, when the record opens. */
function VisitRecord({ draft, onSave, onDraft }: RecordProps) {
  const [resume] = useState(draft);
  return (
    <boussole-form
      instrument={instrument}
      value={resume}
      onboussole-submit={(event: BoussoleSubmitEvent) => event.waitUntil(onSave(event.detail))}
      onboussole-change={(event) => onDraft((event.currentTarget as BoussoleForm).value)}
    />
  );
}

/** React 18 and 19: a ref; the value effect apart from the listeners, which read the latest callbacks. */
function VisitRecordRef({ draft, onSave, onDraft }: RecordProps) {
  const ref = useRef<BoussoleForm>(null);
  const latest = useRef({ onSave, onDraft });
  latest.current = { onSave, onDraft };

  useEffect(() => {
    ref.current!.instrument = instrument;
  }, []);
  const [resume] = useState(draft);
  useEffect(() => {
    if (resume) ref.current!.value = resume;
  }, [resume]);
  useEffect(() => {
    const el = ref.current!;
    const submit = (event: Event) => (event as BoussoleSubmitEvent).waitUntil(latest.current.onSave((event as BoussoleSubmitEvent).detail));
    const change = () => latest.current.onDraft(el.value);
    el.addEventListener('boussole-submit', submit);
    el.addEventListener('boussole-change', change);
    return () => {
      el.removeEventListener('boussole-submit', submit);
      el.removeEventListener('boussole-change', change);
    };
  }, []);

  return <boussole-form ref={ref} />;
}

// A draft saved earlier, when the host page gives one (a <script type="application/json" id="draft">).
const savedText = document.getElementById('draft')?.textContent;
const saved: Result | null = savedText ? JSON.parse(savedText) : null;

function Page() {
  // The saved draft the record opens with; the autosaved one in state (each change re-renders the page).
  const [draft, setDraft] = useState<Result | null>(saved);
  const [note, setNote] = useState('');
  const [stored, setStored] = useState('');
  const Record = new URLSearchParams(location.search).get('recipe') === 'ref' ? VisitRecordRef : VisitRecord;
  return (
    <main>
      <h1>Portail</h1>
      <label>
        Note de l’intervenante
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p id="draft-answers">{Object.keys(draft?.answers ?? {}).length} réponses au brouillon</p>
      {stored ? <p id="stored">Enregistré : {stored}</p> : null}
      <Record draft={saved} onDraft={(r) => setDraft(r)} onSave={async (r) => setStored(r.status)} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
