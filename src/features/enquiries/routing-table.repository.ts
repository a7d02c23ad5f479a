// The routing table democratic services keep: service × ward × type of work → the responsible officer.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type RouteEntry = { id: number; serviceId: number; serviceName: string; wardId: number | null; wardName: string | null; workType: string | null; officerId: number; officerName: string; officerTitle: string };

export async function listRoutes(q: Q): Promise<RouteEntry[]> {
  const rows = await q
    .selectFrom('enquiry_routes as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .innerJoin('officers as o', 'o.id', 'r.officer_id')
    .leftJoin('wards as w', 'w.id', 'r.ward_id')
    .select(['r.id', 'r.service_id', 's.name as service_name', 'r.ward_id', 'w.name as ward_name', 'r.work_type', 'r.officer_id', 'o.full_name', 'o.job_title'])
    .orderBy('s.name')
    .orderBy('w.name')
    .orderBy('r.work_type')
    .execute();
  return rows.map((r) => ({ id: r.id, serviceId: r.service_id, serviceName: r.service_name, wardId: r.ward_id, wardName: r.ward_name, workType: r.work_type, officerId: r.officer_id, officerName: r.full_name, officerTitle: r.job_title }));
}

export async function insertRoute(q: Q, route: { serviceId: number; wardId: number | null; workType: string | null; officerId: number }, at: string): Promise<number> {
  const { id } = await q.insertInto('enquiry_routes').values({ service_id: route.serviceId, ward_id: route.wardId, work_type: route.workType, officer_id: route.officerId, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteRoute(q: Q, id: number): Promise<boolean> {
  const result = await q.deleteFrom('enquiry_routes').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
