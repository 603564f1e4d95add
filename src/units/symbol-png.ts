/**
 * A unit symbol's SVG drawn as PNG, by resvg (Rust, through napi): a browser decodes a PNG off its
 * main thread (createImageBitmap), where an SVG image is laid out and drawn on it — ≈ 8 ms a symbol
 * as a room opens on a slow machine.
 */
import { Resvg } from '@resvg/resvg-js'

/** The PNG of an SVG at `scale` pixels per SVG px (a screen's device pixel ratio). */
export function svgToPng(svg: string, scale: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale } }).render().asPng()
}
