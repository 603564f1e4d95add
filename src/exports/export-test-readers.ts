/**
 * Readers that tests use to parse exports back, written independently of the serialisers so a
 * shared mistake cannot hide: an RFC 4180 CSV parser and a strict minimal XML parser.
 */

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records); throws on malformed quoting. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let index = 0
  let quoted = false
  while (index < text.length) {
    const character = text[index]!
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"'
        index += 2
        continue
      }
      if (character === '"') {
        quoted = false
        index++
        if (index < text.length && text[index] !== ',' && text[index] !== '\r') throw new Error(`CSV: text after a closing quote at ${index}`)
        continue
      }
      field += character
      index++
      continue
    }
    if (character === '"') {
      if (field !== '') throw new Error(`CSV: a quote inside an unquoted field at ${index}`)
      quoted = true
    } else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index++
    } else if (character === '\n' || character === '\r') {
      throw new Error(`CSV: a bare line break outside quotes at ${index}`)
    } else {
      field += character
    }
    index++
  }
  if (quoted) throw new Error('CSV: unterminated quoted field')
  if (field !== '' || row.length > 0) throw new Error('CSV: the last record does not end with CRLF')
  return rows
}

/** An XML element as the test reader sees it. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

const entity: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, where: number): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`XML: a bare < or & near ${where}`)
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(raw)) throw new Error(`XML: a character XML forbids near ${where}`) // eslint-disable-line no-control-regex
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_match, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : entity[name]!)
}

/** Parses a well-formed XML document (declaration, elements, attributes, text) into its root; throws where it is not well-formed. */
export function parseXml(text: string): XmlElement {
  let index = 0
  const declaration = /^<\?xml[^?]*\?>\s*/.exec(text)
  if (declaration) index = declaration[0].length
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"]*")*)\s*(\/?)>/y
  while (index < text.length) {
    const open = text.indexOf('<', index)
    const textEnd = open === -1 ? text.length : open
    const between = text.slice(index, textEnd)
    if (stack.length > 0) stack.at(-1)!.text += decode(between, index)
    else if (between.trim() !== '') throw new Error(`XML: text outside the root element near ${index}`)
    if (open === -1) break
    tag.lastIndex = open
    const match = tag.exec(text)
    if (!match) throw new Error(`XML: malformed tag near ${open}: ${text.slice(open, open + 40)}`)
    const [, closing, name, attributeText, selfClosing] = match
    if (closing) {
      const element = stack.pop()
      if (!element || element.name !== name) throw new Error(`XML: </${name}> closes <${element?.name ?? 'nothing'}> near ${open}`)
    } else {
      const attributes: Record<string, string> = {}
      for (const [, key, value] of attributeText!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) {
        if (key! in attributes) throw new Error(`XML: attribute ${key} repeated near ${open}`)
        attributes[key!] = decode(value!, open)
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' }
      if (stack.length > 0) stack.at(-1)!.children.push(element)
      else if (root) throw new Error('XML: more than one root element')
      else root = element
      if (!selfClosing) stack.push(element)
    }
    index = tag.lastIndex
  }
  if (stack.length > 0) throw new Error(`XML: <${stack.at(-1)!.name}> is never closed`)
  if (!root) throw new Error('XML: no root element')
  return root
}

/** The child elements of `element` named `name`, at any depth. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)])
}

/** An element as compact text, e.g. `Point(coordinates(44.39,35.47))`, to compare geometry read back. */
export function outline(element: XmlElement): string {
  return element.children.length === 0 ? `${element.name}(${element.text})` : `${element.name}(${element.children.map(outline).join(',')})`
}

/** A KML Placemark read back: its name, ExtendedData values and geometry outline ('' when it has none). */
export interface PlacemarkReading {
  name: string
  data: Record<string, string>
  geometry: string
}

/** Reads every Placemark of a KML document. */
export function readPlacemarks(kml: string): PlacemarkReading[] {
  const root = parseXml(kml)
  if (root.name !== 'kml' || root.attributes.xmlns !== 'http://www.opengis.net/kml/2.2') throw new Error('KML: the root is not a KML 2.2 <kml> element')
  return findAll(root, 'Placemark').map((placemark) => ({
    name: placemark.children.find((child) => child.name === 'name')?.text ?? '',
    data: Object.fromEntries(findAll(placemark, 'Data').map((data) => [data.attributes.name!, data.children.find((child) => child.name === 'value')?.text ?? ''])),
    geometry: placemark.children.filter((child) => !['name', 'ExtendedData'].includes(child.name)).map(outline).join(','),
  }))
}
