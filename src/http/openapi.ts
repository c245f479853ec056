import { Type } from 'typebox';

export const errorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable UPPER_SNAKE error code' }),
    message: Type.String({ description: "Human-readable, in the caller's language" }),
    details: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), code: Type.String(), message: Type.Optional(Type.String()) }),
      ),
    ),
  },
  { description: 'Every error has this shape' },
);

/** The error statuses a route may answer, for its schema: errorResponses(400, 401). */
export function errorResponses(...statuses: number[]): Record<number, typeof errorBody> {
  return Object.fromEntries(statuses.map((status) => [status, errorBody]));
}
