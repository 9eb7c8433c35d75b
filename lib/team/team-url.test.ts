import { describe, expect, it } from 'vitest';
import { teamAddress } from './team-url.ts';
import { joinProblem, type Answer } from './join-status.ts';

describe('a team database’s address', () => {
  it.each([
    [
      'https://couch.example.org/desk-syria',
      'https://couch.example.org/',
      'https://couch.example.org/desk-syria',
    ],
    [
      'https://couch.example.org/couch/desk/',
      'https://couch.example.org/couch/',
      'https://couch.example.org/couch/desk',
    ],
    ['http://127.0.0.1:5984/team', 'http://127.0.0.1:5984/', 'http://127.0.0.1:5984/team'],
    ['http://localhost:5984/team', 'http://localhost:5984/', 'http://localhost:5984/team'],
  ])('reads %s as server %s and database %s', (input, server, database) => {
    expect(teamAddress(input)).toEqual({ ok: true, value: { server, database } });
  });
  it.each([
    ['http://couch.example.org/team', 'insecure'],
    ['http://10.0.0.5:5984/team', 'insecure'],
    ['ftp://couch.example.org/team', 'bad-url'],
    ['https://rana:secret@couch.example.org/team', 'bad-url'],
    ['https://couch.example.org/', 'bad-url'],
    ['https://couch.example.org/Team', 'bad-url'],
    ['not an address', 'bad-url'],
  ])('refuses %s (%s)', (input, problem) => {
    expect(teamAddress(input)).toEqual({ ok: false, error: problem });
  });
});

const couch = { status: 200, body: { couchdb: 'Welcome', version: '3.4.2' } };
const session = { status: 200, body: { ok: true, userCtx: { name: 'rana', roles: [] } } };
const database = { status: 200, body: { db_name: 'team', doc_count: 0 } };

describe('why a reader cannot join', () => {
  it.each<[string, Answer, Answer, Answer, ReturnType<typeof joinProblem>]>([
    ['nothing wrong', couch, session, database, null],
    [
      'PouchDB Server is CouchDB enough',
      { status: 200, body: { 'express-pouchdb': 'Welcome!' } },
      session,
      database,
      null,
    ],
    ['the server does not answer', 'unreachable', 'unreachable', 'unreachable', 'unreachable'],
    ['a web site, not CouchDB', { status: 200, body: null }, session, database, 'not-couchdb'],
    ['a JSON API, not CouchDB', { status: 200, body: { hello: 'world' } }, session, database, 'not-couchdb'],
    [
      'a wrong password (401)',
      couch,
      { status: 401, body: { error: 'unauthorized' } },
      database,
      'wrong-password',
    ],
    [
      'credentials not taken (anonymous)',
      couch,
      { status: 200, body: { userCtx: { name: null } } },
      database,
      'wrong-password',
    ],
    [
      'a user who is not a member (403)',
      couch,
      session,
      { status: 403, body: { error: 'forbidden' } },
      'not-member',
    ],
    [
      'a user who is not a member (401 on the database)',
      couch,
      session,
      { status: 401, body: {} },
      'not-member',
    ],
    ['no such database', couch, session, { status: 404, body: { error: 'not_found' } }, 'no-database'],
    ['the server went away half-way', couch, session, 'unreachable', 'unreachable'],
  ])('%s', (_, root, s, d, expected) => {
    expect(joinProblem(root, s, d)).toBe(expected);
  });
});
