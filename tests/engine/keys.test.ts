// Field keys (src/schema/keys.ts): one typed reference per field, one encode/decode pair whose
// grammar cannot collide, and the public names events carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ACTION_FIELDS, decodeKey, domId, encodeKey, itemIdOf, PARTICIPANT_FIELDS, SESSION_FIELDS, type FieldRef } from '../../src/schema/keys.js';

// Ids of the format: a letter, then letters, digits, "-", "_" and "." (lookalikes such as "a--b" included).
const id = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,12}$/);
const field: fc.Arbitrary<FieldRef> = fc.oneof(
  id.map((itemId) => ({ kind: 'item' as const, itemId })),
  fc.record({ itemId: id, perspective: id }).map((r) => ({ kind: 'voice' as const, ...r })),
  id.map((itemId) => ({ kind: 'comment' as const, itemId })),
  fc.constant({ kind: 'age-band' as const }),
  fc.constantFrom(...SESSION_FIELDS).map((f) => ({ kind: 'session' as const, field: f })),
  fc.constant({ kind: 'participants' as const }),
  fc.record({ participantId: id, field: fc.option(fc.constantFrom(...PARTICIPANT_FIELDS), { nil: undefined }) }).map((r) => ({
    kind: 'participant' as const,
    participantId: r.participantId,
    ...(r.field ? { field: r.field } : {}),
  })),
  id.map((sectionId) => ({ kind: 'plan' as const, sectionId })),
  fc.record({ sectionId: id, objectiveId: id }).map((r) => ({ kind: 'objective' as const, ...r })),
  fc.record({ sectionId: id, objectiveId: id, actionId: id, field: fc.option(fc.constantFrom(...ACTION_FIELDS), { nil: undefined }) }).map((r) => ({
    kind: 'action' as const,
    sectionId: r.sectionId,
    objectiveId: r.objectiveId,
    actionId: r.actionId,
    ...(r.field ? { field: r.field } : {}),
  })),
);

describe('field keys', () => {
  it('decode(encode(field)) gives the field back, for any ids of the format', () => {
    fc.assert(fc.property(field, (ref) => assert.deepEqual(decodeKey(encodeKey(ref)), ref)), { numRuns: 2000 });
  });

  it('two different fields never share a key, nor a DOM id', () => {
    fc.assert(
      fc.property(field, field, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        assert.notEqual(encodeKey(a), encodeKey(b));
        assert.notEqual(domId('control', a), domId('control', b));
      }),
      { numRuns: 2000 },
    );
  });

  it('an item named like a voice key does not collide with the voice', () => {
    const item: FieldRef = { kind: 'item', itemId: 'a--b' };
    const voice: FieldRef = { kind: 'voice', itemId: 'a', perspective: 'b' };
    assert.notEqual(encodeKey(item), encodeKey(voice));
    assert.deepEqual(decodeKey(encodeKey(item)), item);
    assert.deepEqual(decodeKey(encodeKey(voice)), voice);
  });

  it('refuses text that is not a key', () => {
    for (const text of ['', 'item', 'item:', 'voice:a', 'session:name', 'participant:p1:age', 'action:s:o', 'unknown:x', 'item:a:b', 'item:1a'])
      assert.equal(decodeKey(text), undefined, text);
  });

  it('keeps the documented public names', () => {
    const names: [FieldRef, string][] = [
      [{ kind: 'item', itemId: 'ces.health.concern' }, 'ces.health.concern'],
      [{ kind: 'voice', itemId: 'felt', perspective: 'child' }, 'felt'],
      [{ kind: 'age-band' }, 'ageBand'],
      [{ kind: 'session', field: 'date' }, 'session.date'],
      [{ kind: 'participants' }, 'session.participants'],
      [{ kind: 'participant', participantId: 'p1', field: 'role' }, 'session.participants.p1.role'],
      [{ kind: 'plan', sectionId: 'pin.children' }, 'plan.pin.children'],
      [{ kind: 'objective', sectionId: 'pin.children', objectiveId: 'o1' }, 'plan.pin.children.o1.text'],
      [{ kind: 'action', sectionId: 'pin.children', objectiveId: 'o1', actionId: 'a2', field: 'what' }, 'plan.pin.children.o1.a2.what'],
    ];
    for (const [ref, name] of names) assert.equal(itemIdOf(ref), name);
  });
});
