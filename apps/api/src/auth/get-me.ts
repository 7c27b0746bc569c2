import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { Me } from '@atelier/contracts';
import type { Actor } from './actor.ts';
import { sessionRoles, type Role } from './roles.ts';

/** The caller's profile: for a user their team and skills, for an API key its name and role. */
export async function getMe(db: SqlRunner, actor: Actor): Promise<Me> {
  if (actor.userId !== null) return getUserProfile(db, actor.userId, actor.station);
  return {
    kind: 'apiKey',
    id: actor.apiKeyId ?? '',
    username: null,
    displayName: actor.displayName,
    roles: [...actor.roles],
    station: false,
    team: null,
    skills: [],
    locale: null,
  };
}

/** A user's profile (roles, team, skills); `station` tells whether their session is a PIN session, which grants only the operator's role. */
export async function getUserProfile(db: SqlRunner, userId: string, station: boolean): Promise<Me> {
  const [user] = await db.query<{
    id: string;
    username: string;
    display_name: string;
    roles: Role[];
    team: Me['team'];
    locale: Me['locale'];
  }>(
    `SELECT u.id, u.username, u.display_name, u.roles::text[] AS roles, u.locale,
            CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'code', t.code, 'name', t.name) END AS team
       FROM users u LEFT JOIN teams t ON t.id = u.team_id
      WHERE u.id = $1`,
    [userId],
  );
  if (!user)
    throw new HttpProblem(401, 'AUTHENTICATION_REQUIRED', 'The signed-in user no longer exists; sign in again.');
  const skills = await db.query<Me['skills'][number]>(
    `SELECT s.code, s.name, us.level FROM user_skills us JOIN skills s ON s.id = us.skill_id
      WHERE us.user_id = $1 ORDER BY s.code`,
    [userId],
  );
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: sessionRoles(user.roles, station),
    station,
    team: user.team,
    skills,
    locale: user.locale,
  };
}
