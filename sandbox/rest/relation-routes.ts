/** REST v1 relations: list, detail, create and update. */
import { ID, jsonBody, type RouteKit } from './kit';
import { fail } from './errors';
import { RELATION_FILTERS } from './filters';
import { relationDetail, relationFullListItem, relationListItem } from './shapes';
import { nextRelationCode, validateRelation } from './validate';
import { blankRelation } from '../store';

export function relationRoutes(kit: RouteKit): void {
  const { app, ctx, store, handle, created, list, byId } = kit;

  // Relations ----------------------------------------------------------------------------------
  list(
    '/relation',
    () => store().sorted(store().relations),
    RELATION_FILTERS,
    (r) => (ctx.config.restListItems === 'full' ? relationFullListItem(r) : relationListItem(r)),
  );
  byId('/relation', () => store().relations, 'REL_055', relationDetail);

  app.post('/relation', (c) =>
    handle(c, 'POST /v1/relation', { write: true }, async () => {
      const body = await jsonBody(c);
      const fields = validateRelation(store(), body);
      const relation = store().addRelation({
        ...blankRelation(),
        ...fields,
        code: fields.code ?? nextRelationCode(store()),
        name: fields.name!,
        date: new Date().toISOString().slice(0, 10),
        createdVia: 'rest',
      });
      return created(c, { id: relation.id, code: relation.code });
    }),
  );

  app.patch(`/relation/${ID}`, (c) =>
    handle(c, 'PATCH /v1/relation/{id}', { write: true }, async () => {
      const relationId = Number(c.req.param('id'));
      if (!store().relations.has(relationId)) fail('REL_055', 'id', 404);
      const fields = validateRelation(store(), await jsonBody(c), relationId);
      store().updateRelation(relationId, fields);
      return c.body(null, 204);
    }),
  );
}
