export { programErrors } from './program-api.errors.ts';
export { createProgramRepository } from './program-api.repository.ts';
export { programRoutes } from './program-api.routes.ts';
export { createProgramService, type ProgramService } from './program-api.service.ts';
export { type ProgramCaller, programCaller, programGuard } from './program-auth.ts';
