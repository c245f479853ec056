import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../http/access.ts';
import { auditActor } from '../../http/audit-actor.ts';
import { errorResponses } from '../../http/openapi.ts';
import { AppError } from '../../shared/app-error.ts';
import { email, line } from '../auth/auth.schemas.ts';
import { logoMaxBytes, type ProviderService } from './provider.service.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);
/** Several lines of text: line breaks and tabs allowed, other control characters not. */
const lines = (maxLength: number) =>
  Type.Union([
    Type.String({ maxLength, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' }),
    Type.Null(),
  ]);

const identity = Type.Object({
  name: Type.String(),
  configured: Type.Boolean({ description: 'false until an operator has set the name' }),
  address: nullableString,
  supportEmail: nullableString,
  supportPhone: nullableString,
  website: nullableString,
  legalNotice: nullableString,
  logoUrl: nullableString,
});

const profileChanges = Type.Object(
  {
    name: Type.Optional(Type.Union([line(200, 0), Type.Null()])),
    address: Type.Optional(lines(500)),
    supportEmail: Type.Optional(Type.Union([email, Type.Literal(''), Type.Null()])),
    supportPhone: Type.Optional(Type.Union([line(40, 0), Type.Null()])),
    website: Type.Optional(
      Type.Union([Type.String({ maxLength: 200, pattern: '^(https?://[^\\s]+)?$' }), Type.Null()]),
    ),
    legalNotice: Type.Optional(lines(1000)),
  },
  { additionalProperties: false, minProperties: 1 },
);

const optionalLine = (maxLength: number) => Type.Union([line(maxLength, 0), Type.Null()]);
const seller = Type.Object({
  name: nullableString,
  street: nullableString,
  postalCode: nullableString,
  city: nullableString,
  country: nullableString,
  vatId: nullableString,
  taxNumber: nullableString,
  email: nullableString,
});
const sellerBody = Type.Object(
  {
    name: optionalLine(200),
    street: optionalLine(200),
    postalCode: optionalLine(20),
    city: optionalLine(100),
    country: optionalLine(2),
    vatId: optionalLine(30),
    taxNumber: optionalLine(30),
    email: Type.Union([email, Type.Literal(''), Type.Null()]),
  },
  { additionalProperties: false },
);

export const providerRoutes: FastifyPluginAsyncTypebox<{
  provider: ProviderService;
}> = async (app, { provider }) => {
  app.get(
    '/api/v1/provider',
    {
      config: { access: access.public },
      schema: {
        tags: ['provider'],
        summary: 'Who runs this portal: name, address, support contact and legal notice (public)',
        response: { 200: identity },
      },
    },
    async () => provider.identity(),
  );

  app.get(
    '/api/v1/provider/logo',
    {
      config: { access: access.public },
      schema: {
        tags: ['provider'],
        summary: "The provider's logo (PNG or JPEG)",
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 20 })) }),
        produces: ['image/png', 'image/jpeg'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses(404) },
      },
    },
    async (_request, reply) => {
      const logo = await provider.logo();
      if (!logo) throw new AppError('NOT_FOUND');
      return reply.type(logo.type).header('cache-control', 'public, max-age=300').send(logo.bytes);
    },
  );

  app.patch(
    '/api/v1/operator/provider',
    {
      config: { access: access.operatorArea('admin') },
      schema: {
        tags: ['operator'],
        summary: "Change the provider's identity; every e-mail written from now on uses it",
        body: profileChanges,
        response: { 200: identity, ...errorResponses(400, 401) },
      },
    },
    async (request) => provider.updateProfile(request.body, auditActor(request)),
  );

  app.get(
    '/api/v1/operator/provider/seller',
    {
      config: { access: access.operator },
      schema: {
        tags: ['operator'],
        summary: 'The legal seller printed on every invoice (name, address, VAT id or tax number, e-mail)',
        response: { 200: seller, ...errorResponses(401) },
      },
    },
    async () => provider.seller(),
  );

  app.put(
    '/api/v1/operator/provider/seller',
    {
      config: { access: access.operatorArea('billing') },
      schema: {
        tags: ['operator'],
        summary: 'Set the seller; invoices issued from now on carry it, issued ones keep theirs',
        body: sellerBody,
        response: { 200: seller, ...errorResponses(400, 401) },
      },
    },
    async (request) => provider.updateSeller(request.body, auditActor(request)),
  );

  app.put(
    '/api/v1/operator/provider/logo',
    {
      config: { access: access.operatorArea('admin') },
      bodyLimit: Math.ceil((logoMaxBytes * 4) / 3) + 1_000,
      schema: {
        tags: ['operator'],
        summary: `Set the logo: a PNG or JPEG of at most ${logoMaxBytes / 1000} kB, base64-encoded`,
        body: Type.Object(
          { data: Type.String({ minLength: 1, maxLength: Math.ceil((logoMaxBytes * 4) / 3) + 4 }) },
          { additionalProperties: false },
        ),
        response: { 200: identity, ...errorResponses(400, 401, 413) },
      },
    },
    async (request) => provider.setLogo(request.body.data, auditActor(request)),
  );

  app.delete(
    '/api/v1/operator/provider/logo',
    {
      config: { access: access.operatorArea('admin') },
      schema: {
        tags: ['operator'],
        summary: 'Remove the logo',
        response: { 200: identity, ...errorResponses(401) },
      },
    },
    async (request) => provider.removeLogo(auditActor(request)),
  );
};
