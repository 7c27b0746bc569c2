/**
 * Who a station lists and signs in: active users with the operator role and a PIN whose team's
 * home work center is one of the station's work centers, plus the members of teams without a
 * home work center (the atelier's artisans, who move between benches). People without a team are
 * on no station. One SQL condition, so the list and the PIN sign-in can never disagree; it expects
 * `users u JOIN teams t ON t.id = u.team_id` and the station id as the parameter `param`.
 */
export function stationOperatorCondition(param: string): string {
  return `u.active AND u.pin_hash IS NOT NULL AND 'operator'::role = ANY(u.roles)
      AND (t.work_center_id IS NULL
           OR t.work_center_id IN (SELECT sw.work_center_id FROM station_work_centers sw WHERE sw.station_id = ${param}::uuid))`;
}
