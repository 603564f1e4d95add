/**
 * The map's scale bar in the reader's language and digits ("٢٠ كم", "20 km"). MapLibre's own
 * ScaleControl writes its number in Latin digits after a unit that only its locale table sets, so
 * in Arabic it read "km 20"; this one measures the same way (the distance across the bar at the
 * map's centre) and leaves the text to the app's i18n.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl'

/**
 * The bar for a distance of `metresAcross` over `widthPx` pixels: the largest round distance
 * (1, 2, 3 or 5 × a power of ten metres) that fits, and its width. Null when there is none to show.
 */
export function scaleBar(metresAcross: number, widthPx: number): { metres: number; widthPx: number } | null {
  if (!(metresAcross > 0) || !Number.isFinite(metresAcross) || !(widthPx > 0)) return null
  const power = 10 ** Math.floor(Math.log10(metresAcross))
  const metres = [5, 3, 2, 1].map((step) => step * power).find((candidate) => candidate <= metresAcross * (1 + 1e-9)) ?? power
  return { metres, widthPx: (widthPx * metres) / metresAcross }
}

/** A scale bar control: `text` writes a distance in metres in the reader's language (setText when it changes). */
export class ScaleBar implements IControl {
  private map: MapLibreMap | null = null
  private readonly element: HTMLDivElement
  /** The map's size in CSS px, read when it is added and resized (not at each move: reading it may lay the page out). */
  private size = { width: 0, height: 0 }

  constructor(private text: (metres: number) => string, private readonly maxWidthPx = 100) {
    this.element = document.createElement('div')
    // MapLibre's own look for a scale bar.
    this.element.className = 'maplibregl-ctrl maplibregl-ctrl-scale'
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map
    map.on('move', this.update)
    map.on('resize', this.measure)
    this.measure()
    return this.element
  }

  onRemove(): void {
    this.map?.off('move', this.update)
    this.map?.off('resize', this.measure)
    this.element.remove()
    this.map = null
  }

  setText(text: (metres: number) => string): void {
    this.text = text
    this.update()
  }

  private readonly measure = () => {
    const container = this.map?.getContainer()
    if (!container) return
    this.size = { width: container.clientWidth, height: container.clientHeight }
    this.update()
  }

  private readonly update = () => {
    const map = this.map
    if (!map) return
    const { width, height } = this.size
    const barWidth = Math.min(this.maxWidthPx, width)
    const left = map.unproject([(width - barWidth) / 2, height / 2])
    const right = map.unproject([(width + barWidth) / 2, height / 2])
    const bar = scaleBar(left.distanceTo(right), barWidth)
    if (!bar) return
    this.element.style.width = `${bar.widthPx}px`
    const label = this.text(bar.metres)
    if (this.element.textContent !== label) this.element.textContent = label
  }
}
