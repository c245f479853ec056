export { numbersErrors } from './numbers.errors.ts';
export { numbersRoutes } from './numbers.routes.ts';
export { createNumbersService, type NumbersService } from './numbers.service.ts';
