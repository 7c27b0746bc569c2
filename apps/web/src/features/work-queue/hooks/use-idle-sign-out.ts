import { useEffect, useRef, useState } from 'react';
import { idlePhase, type IdlePhase, type IdleSettings } from '../lib/idle-countdown.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Signs the station's operator out after `settings.idleSeconds` without a touch; returns the
 * phase, so the screen shows the countdown of the last seconds. Any touch starts over.
 */
export function useIdleSignOut(settings: IdleSettings, onExpired: () => void): IdlePhase & { stay: () => void } {
  const lastActivity = useRef(Date.now());
  const [phase, setPhase] = useState<IdlePhase>({ phase: 'active' });
  const expired = useRef(onExpired);
  expired.current = onExpired;

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touch, { passive: true });
    let fired = false;
    const timer = window.setInterval(() => {
      const next = idlePhase(lastActivity.current, Date.now(), settings);
      setPhase((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
      if (next.phase === 'expired' && !fired) {
        fired = true;
        expired.current();
      }
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touch);
    };
  }, [settings]);

  return {
    ...phase,
    stay: () => {
      lastActivity.current = Date.now();
      setPhase({ phase: 'active' });
    },
  };
}
