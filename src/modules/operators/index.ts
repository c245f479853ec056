export { operatorStaffRoutes } from './operator-staff.routes.ts';
export { createOperatorStaff, type OperatorStaff } from './operator-staff.service.ts';
export { operatorRoutes } from './operators.routes.ts';
export { createOperatorsService, type OperatorsService } from './operators.service.ts';
