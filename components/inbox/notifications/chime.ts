"use client";

/**
 * The new-message sound, synthesised with the Web Audio API (two short soft tones): no audio file
 * to ship or download. Browsers allow it once the page had a user gesture (the bell toggle is one).
 */
let context: AudioContext | null = null;

export function playChime() {
  try {
    context ??= new AudioContext();
    const now = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now + offset);
      oscillator.stop(now + offset + 0.3);
    }
  } catch {
    // No audio (blocked or unsupported): the notification still shows.
  }
}
