/**
 * The by-id loader (src/loaders/byId.ts) hands out the promise it holds for an id: many jobs of a page sharing a
 * template cost one promise, not one each, and `clear`/`prime` still decide what is held.
 */
import { describe, expect, it } from 'vitest';
import { AwxClient } from '../src/awx/client.js';
import { createByIdLoader } from '../src/loaders/byId.js';
import { ADMIN, useTestGateway } from './gateway.js';

const gw = useTestGateway();
const loaderOf = () => createByIdLoader(new AwxClient(gw.transport, { authorization: ADMIN }), 'users');
const userReads = () => gw.upstreamPaths().filter((path) => path.startsWith('/api/v2/users/'));

describe('the by-id loader', () => {
  it('answers an id asked again, in the same tick or later, with the same promise and no further read', async () => {
    const users = loaderOf();
    const first = users.load(1);
    const [again, other] = [users.load(1), users.load(2)];
    expect(again).toBe(first);
    const [admin, second] = await Promise.all([first, other]);
    expect(admin).toMatchObject({ id: 1 });
    expect(second === null || second.id === 2).toBe(true);
    expect(users.load(1)).toBe(first);
    expect(await users.loadMany([1, 2])).toEqual([admin, second]);
    expect(userReads()).toHaveLength(1);
  });

  it('reads an id again once cleared, and answers a primed one without a read', async () => {
    const users = loaderOf();
    const first = users.load(1);
    await first;
    users.clear(1);
    const reread = users.load(1);
    expect(reread).not.toBe(first);
    expect(await reread).toMatchObject({ id: 1 });
    expect(userReads()).toHaveLength(2);
    users.prime(99, { id: 99, username: 'primed' } as never);
    expect(await users.load(99)).toEqual({ id: 99, username: 'primed' });
    expect(userReads()).toHaveLength(2);
  });
});
