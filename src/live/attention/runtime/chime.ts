// The alert sound, synthesised with Web Audio (two soft sine notes, ~0.4 s): no audio file to
// download, a few hundred bytes of code. Browsers let a page make sound only after the person has
// interacted with it, so the audio context is created (or resumed) inside the first click or key
// press, and until then play() stays silent rather than fail.
export interface Sound {
  play(): void
  dispose(): void
}

const NOTES = [
  { hz: 659.25, at: 0 }, // E5
  { hz: 880, at: 0.14 }, // A5
]

export function createChime(): Sound {
  let context: AudioContext | null = null
  const unlock = () => {
    try {
      context ??= new AudioContext()
      if (context.state === 'suspended') void context.resume()
    } catch {
      context = null
    }
  }
  const events = ['pointerdown', 'keydown'] as const
  for (const type of events) window.addEventListener(type, unlock, { capture: true })

  return {
    play() {
      if (!context || context.state !== 'running') return
      const start = context.currentTime
      for (const note of NOTES) {
        const oscillator = context.createOscillator()
        const gain = context.createGain()
        oscillator.type = 'sine'
        oscillator.frequency.value = note.hz
        // A quick rise and a soft exponential fall: a chime, not a beep.
        gain.gain.setValueAtTime(0.0001, start + note.at)
        gain.gain.exponentialRampToValueAtTime(0.2, start + note.at + 0.02)
        gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.35)
        oscillator.connect(gain).connect(context.destination)
        oscillator.start(start + note.at)
        oscillator.stop(start + note.at + 0.4)
      }
    },
    dispose() {
      for (const type of events) window.removeEventListener(type, unlock, { capture: true })
      void context?.close().catch(() => undefined)
      context = null
    },
  }
}
