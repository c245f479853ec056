// The signed-in person's own profile. The e-mail address changes through its own confirmed flow.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { signedInMember } from '../../http/auth.ts';
import { errorResponses } from '../../http/openapi.ts';
import { line, locale, salutation } from '../auth/auth.schemas.ts';
import type { OwnProfile } from './own-profile.ts';
import { user } from './users.schemas.ts';

const profileChanges = Type.Object(
  {
    salutation: Type.Optional(Type.Union([salutation, Type.Null()])),
    title: Type.Optional(Type.Union([line(50, 0), Type.Null()])),
    firstName: Type.Optional(line(100)),
    lastName: Type.Optional(line(100)),
    locale: Type.Optional(Type.Union([locale, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const meRoutes: FastifyPluginAsyncTypebox<{
  ownProfile: OwnProfile;
}> = async (app, { ownProfile }) => {
  app.get(
    '/api/v1/me',
    {
      config: { access: access.customer },
      schema: { tags: ['me'], summary: 'My profile', response: { 200: user, ...errorResponses(401) } },
    },
    async (request) => ownProfile.get(signedInMember(request)),
  );

  app.patch(
    '/api/v1/me',
    {
      config: { access: access.customer },
      schema: {
        tags: ['me'],
        summary: 'Change my name, title, salutation or language (the language of my e-mails and messages)',
        body: profileChanges,
        response: { 200: user, ...errorResponses(400, 401) },
      },
    },
    async (request) => ownProfile.update(signedInMember(request), auditActor(request), request.body),
  );
};
