import { describe, expect, it } from 'vitest';
import { lintTemplate } from '../../src/templates/lint-template.js';

describe('lintTemplate', () => {
  it('accepts a template that uses only offered fields and filters', () => {
    const source = [
      'Hi {{ client.first_name | default: "there" }},',
      'see you {{ session.start | date: "%A %B %-d at %-I:%M %p" }} with {{ photographer.name }}.',
      '{% for p in client.phones %}{{ p.number | phone }}{{ forloop.index }}{% endfor %}',
      '{% assign start = session.start %}{{ start }}{% if family_member %}{{ family_member.first_name }}{% endif %}',
      '{{ client.phones.first.number }} {{ client.phones.size }} {{ studio.name | upcase }} {{ links.unsubscribe_url }}',
    ].join('\n');
    expect(lintTemplate(source, 'session', 'body')).toEqual([]);
  });

  it('reports an unknown field with its line, column and a suggestion', () => {
    const source =
      'Hello {{ client.first_name }},\n\nYour session is {{ sesion.start }} at {{ session.locaton }}.';
    expect(lintTemplate(source, 'session', 'body')).toEqual([
      {
        path: 'body',
        problem: '"sesion" is not a merge field here; did you mean "session"?',
        line: 3,
        column: 20,
      },
      {
        path: 'body',
        problem: '"session.locaton" is not a merge field here; did you mean "session.location"?',
        line: 3,
        column: 42,
      },
    ]);
  });

  it('collects every problem, including each occurrence and unknown filters', () => {
    const source =
      '{{ client.frist_name }} {{ client.frist_name | shout }}\n{% if x %}{{ studio.name | upcas }}{% endif %}';
    const problems = lintTemplate(source, 'client', 'subject');
    expect(problems.map((p) => [p.line, p.column, p.problem])).toEqual([
      [1, 4, '"client.frist_name" is not a merge field here; did you mean "client.first_name"?'],
      [1, 25, 'uses the unknown filter "shout"; did you mean "sort"?'],
      [1, 28, '"client.frist_name" is not a merge field here; did you mean "client.first_name"?'],
      [2, 7, '"x" is not a merge field here'],
      [2, 11, 'uses the unknown filter "upcas"; did you mean "upcase"?'],
    ]);
  });

  it('does not take Object.prototype names for filters', () => {
    const problems = lintTemplate('{{ client.first_name | constructor | toString }}', 'client', 'body');
    expect(problems.map((p) => p.problem)).toEqual([
      'uses the unknown filter "constructor"',
      expect.stringContaining('uses the unknown filter "toString"'),
    ]);
  });

  it('reports a syntax error with its position', () => {
    expect(lintTemplate('Hi\n  {% if client.first_name %}', 'client', 'body')).toEqual([
      {
        path: 'body',
        problem: expect.stringContaining('has a syntax error: tag {% if client.first_name %} not closed'),
        line: 2,
        column: 3,
      },
    ]);
    const [problem] = lintTemplate('{{ client.first_name }}\n{% greet client %}', 'client', 'body');
    expect(problem).toMatchObject({ line: 2, column: 1 });
    expect(problem?.problem).toContain('syntax error');
  });

  it('refuses secrets, fields of other bases and fields of plain values', () => {
    expect(lintTemplate('{{ web_form.token }}', 'web_form', 'body')[0]?.problem).toContain(
      '"web_form.token" is not',
    );
    expect(lintTemplate('{{ session.start }}', 'client', 'body')[0]?.problem).toContain('"session" is not');
    expect(lintTemplate('{{ client.first_name.foo }}', 'client', 'body')[0]?.problem).toBe(
      '"client.first_name" has no field "foo"',
    );
    expect(lintTemplate('{{ client.phones.first.numbr }}', 'client', 'body')[0]?.problem).toBe(
      '"client.phones" items have no field "numbr"; did you mean "number"?',
    );
  });
});
