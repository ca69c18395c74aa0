import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { FigureTotal } from './figure-total.js';

export const DashboardSummary = z.object({
  schools: z.number().int(),
  /** Children enrolled in the schools that have an enrolment (its total, or girls and boys), and how many lack one. */
  children: FigureTotal,
  plans: z.number().int(),
  plansApproved: z.number().int(),
  drills: z.number().int(),
  drillsLastSixMonths: z.number().int(),
  areas: z.number().int(),
});

export const dashboardSummary = endpoint({
  id: 'dashboardSummary',
  method: 'GET',
  path: '/api/v1/dashboard',
  summary: 'Counts for the home dashboard, within one\u2019s scope',
  tag: 'dashboard',
  response: DashboardSummary,
  auth: 'user',
});
