// The officers' pages: the staff list with its statutory officers, and one officer's page.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { councilSummary } from './council.repository.ts';
import { GRADES, gradeLabels, roleCurrent, type Grade, type Officer, type StatutoryRole } from './directory.types.ts';
import { statutoryOfficers, statutoryRoleView } from './statutory-officers.ts';
import { officerFilterQuery } from './directory.schemas.ts';
import { idFromParam, readFilters } from '../../web/params.ts';
import { findOfficer, listDirectReports, listOfficers, listServices, type OfficerFilter } from './officers.repository.ts';
import { listStatutoryRoles } from './statutory-roles.repository.ts';

function officerRow(o: Officer, roles: StatutoryRole[], day: string) {
  return {
    ...o,
    gradeLabel: gradeLabels[o.grade],
    roles: roles.filter((r) => r.officerId === o.id && roleCurrent(r, day)).map((r) => statutoryRoleView(r, day)),
  };
}

export function registerOfficerPages(app: FastifyInstance, deps: Deps): void {
  const pageAccess = { config: { access: access.signedIn } };

  app.get('/officers', { config: { ...pageAccess.config, formText: Object.keys(officerFilterQuery.shape) } }, async (request, reply) => {
    const day = ukDate(deps.clock.now());
    const services = await listServices(deps.db.kysely);
    const roles = await listStatutoryRoles(deps.db.kysely);
    const council = await councilSummary(deps.db.kysely);
    const { values, problems } = readFilters(officerFilterQuery, request.query);
    const filter: OfficerFilter = { day };
    if (values.service) {
      const service = services.find((s) => s.id === Number(values.service));
      if (service) filter.serviceId = service.id;
      else problems.push({ field: 'service', message: 'Select a service from the list' });
    }
    if (values.grade) filter.grade = values.grade as Grade;
    const officers = (await listOfficers(deps.db.kysely, filter)).map((o) => officerRow(o, roles, day));
    return reply.code(problems.length ? 400 : 200).page('directory/views/officers.njk', {
      title: 'Officers',
      officers,
      statutory: statutoryOfficers(roles, council?.kind ?? 'principal', day),
      services,
      grades: GRADES.map((g) => ({ value: g, text: gradeLabels[g] })),
      values: { service: filter.serviceId ? String(filter.serviceId) : '', grade: filter.grade ?? '' },
      filtered: filter.serviceId !== undefined || filter.grade !== undefined,
      errors: problems.length ? formErrors(problems) : undefined,
    });
  });

  app.get('/officers/:id', pageAccess, async (request, reply) => {
    const id = idFromParam((request.params as { id: string }).id);
    const officer = id === null ? undefined : await findOfficer(deps.db.kysely, id);
    if (!officer) throw new NotFoundError('Officer');
    const day = ukDate(deps.clock.now());
    const roles = await listStatutoryRoles(deps.db.kysely, { officerId: officer.id });
    const reports = await listDirectReports(deps.db.kysely, officer.id, day);
    return reply.page('directory/views/officer.njk', {
      title: officer.fullName,
      officer: { ...officer, gradeLabel: gradeLabels[officer.grade], left: officer.leftOn !== null && officer.leftOn <= day },
      roles: roles.map((r) => statutoryRoleView(r, day)),
      reports: reports.map((o) => ({ ...o, gradeLabel: gradeLabels[o.grade] })),
      today: day,
    });
  });
}
