# The team map and the heatmaps (SPEC §5, §9): the words of the wasm
# module crates/team-map, which draws the Team map page and the map on My
# map. Keep every id and every { $variable }; change the words and their
# order freely. A { " " } at the start or end of a message is a space the
# page needs there (Fluent drops spaces written plainly at either end):
# keep it. Where a number agrees with a noun, use a select on it with your
# language's plural categories, even where English writes "report(s)".
# How to check your file: crates/catalog/README.md.

retired = { $label } (ya no disponible)
team-lede = Dónde ayuda la IA y dónde perjudica, por tipo de tarea, a partir de los informes de todos y comparado con la columna «Sin IA». Solo se muestran las semanas ya terminadas. Seleccione una celda para ver sus detalles.
team-compare = { " " }Comparar lado a lado el uso por indicación y por elección propia
team-loading = Cargando el mapa del equipo…
team-loading-comparison = Cargando la comparación…
team-comparison-wider = La comparación abarca toda la organización en este periodo: además del periodo, el servidor publica un solo filtro a la vez.
told-to = Por indicación
chose-to = Por elección propia
team-weeks = Semanas { $from } a { $to }.{ " " }
team-reports = { $count ->
        [one] { $count } informe.
       *[other] { $count } informes.
    }{ " " }
team-shown-cells = Celdas mostradas: { $count ->
        [one] { $count } informe
       *[other] { $count } informes
    }. El total no se muestra, ya que permitiría deducir las celdas ocultas.{ " " }
team-not-enough = No hay suficientes informes para mostrar esta vista.{ " " }
team-hidden-rule = Se ocultan los grupos de menos de { $k ->
        [one] { $k } informe
       *[other] { $k } informes
    }, y también todo lo que revelaría una vista más amplia menos esta.
team-noise = Cada dispositivo aleatoriza su resultado antes de enviarlo (respuesta aleatorizada, ε = { $epsilon }), así que cualquier informe puede ser ruido; las medias y las proporciones se corrigen en consecuencia, y los intervalos son más anchos.{ " " }
team-download = Descargar lo que se muestra:{ " " }
filter-legend = Mostrar
filter-period = Periodo
filter-team = Equipo
filter-complexity = Complejidad
filter-mandated = Por qué se usó la IA
filter-effort = Esfuerzo de revisión
filter-all-periods = Todas las semanas cerradas
filter-all-teams = Todos los equipos
filter-any-complexity = Cualquier complejidad
filter-any-mandated = Por indicación o no
filter-any-effort = Cualquier esfuerzo de revisión
filter-no-reports = { " " }— sin informes
filter-too-few = { " " }— muy pocos informes para mostrarlo
filter-hint = Además del periodo, un solo filtro a la vez: elegir otro lo sustituye. Las opciones en gris mostrarían menos de { $k ->
        [one] { $k } informe
       *[other] { $k } informes
    } o permitirían combinar vistas para identificar a alguien.
period-quarter = { $quarter } { $year }
period-month = { $month ->
        [1] Enero
        [2] Febrero
        [3] Marzo
        [4] Abril
        [5] Mayo
        [6] Junio
        [7] Julio
        [8] Agosto
        [9] Septiembre
        [10] Octubre
        [11] Noviembre
       *[12] Diciembre
    } de { $year }
cell-with = { $task } con { $tool }
cell-reports = { $count ->
        [one] { $count } informe.
       *[other] { $count } informes.
    }
cell-helped = Ayudó en el { $share } de los informes (intervalo del 95 % { $low } a { $high }).
cell-vs-baseline = Resultado medio { $diff } frente a Sin IA en la misma tarea.
cell-no-reasons = No se indicaron motivos.
cell-outcomes = Resultados
cell-why-not = Por qué no ayudó
cell-effort = Esfuerzo de revisión
cell-by-period = Resultado medio por periodo
cell-hidden = No hay suficientes informes para mostrar esta celda sin riesgo de identificar a alguien.
cell-loading = Cargando…
cell-effort-one-filter = El esfuerzo de revisión se muestra para un periodo sin otros filtros: además del periodo, el servidor publica un solo filtro a la vez.
cell-close = Cerrar
cell-line = { $label }: { $value }
cell-distribution = Distribución de resultados; los recuentos figuran junto a cada barra.
heatmap-table = Mostrar como tabla
heatmap-task = Tarea
heatmap-label = { $title }: mapa de calor del resultado medio por tarea y herramienta; las mismas cifras están en la tabla de abajo.
heatmap-much-worse = −2 mucho peor
heatmap-helped-a-lot = +2 ayudó mucho
heatmap-legend = Cada celda: resultado medio, n (el número de informes) y la diferencia con Sin IA en la misma tarea. Cuanto más ancho es el intervalo del 95 % de una celda, más pálida se ve.
cell-no-reports = sin informes
cell-not-enough = informes insuficientes
cell-not-enough-1 = informes
cell-not-enough-2 = insuficientes
cell-n = n = { $n }
cell-vs-no-ai = { $diff } vs. sin IA
cell-mean = media { $mean } de { $n ->
        [one] { $n } informe
       *[other] { $n } informes
    }
cell-share = ayudó en el { $share } (intervalo del 95 % { $low }–{ $high })
cell-against-no-ai = { $diff } frente a Sin IA
cell-button = { $shown }{ $task } con { $tool }: { $description }. Abrir detalles.
percent = { $value } %

## A report's answers in words (the filters, a cell's detail)

# The baseline "tool": the task was done without AI.
no-ai = Sin IA
# The outcome scale by its place, 0 (much worse) to 4 (helped a lot).
outcome = { $index ->
         [0] Mucho peor
         [1] Me frenó
         [2] Sin diferencia
         [3] Ayudó
        *[4] Ayudó mucho
    }
# How much the AI's output had to be checked and fixed, by its id. An id this version does not know is shown as it is.
effort = { $id ->
         [low] Poca revisión
         [medium] Algo de revisión
         [high] Mucha revisión y corrección
        *[other] { $id }
    }
# How hard the task was, by its id. An id this version does not know is shown as it is.
complexity = { $id ->
         [routine] Rutinaria
         [complex] Compleja
        *[other] { $id }
    }
# Why AI did not help, by its id. An id this version does not know is shown as it is.
reason = { $id ->
         [checking] Revisar el resultado llevó mucho tiempo
         [context] A la herramienta le faltaba contexto
         [wrong] El resultado era incorrecto o poco fiable
         [redo] Tuve que rehacerlo yo
         [friction] Lenta, averiada o un estorbo
        *[other] { $id }
    }

## Why the map could not be loaded or drawn

catalog-failed = Este mapa se muestra en inglés: no se pudo cargar su traducción ({ $language }) ({ $reason ->
        [unreachable] no se pudo contactar con el servidor
        [status] el servidor respondió HTTP { $status }
       *[other] se hizo para otra versión de Candor
    }).
team-unreachable = No se pudo cargar el mapa del equipo: no se pudo obtener el agregado de { $url }: { $why }.
team-status = No se pudo cargar el mapa del equipo: no se encontró el agregado en { $url } (HTTP { $status }).
team-not-a-map = La respuesta del servidor de sincronización no era un mapa del equipo ({ $why }).
config-failed = No se pudo dibujar el mapa: no se pudo leer candor.json ({ $why }).
config-status = HTTP { $status }
browser-no-reason = el navegador no dio ningún motivo
not-json = no es JSON
field-missing = falta { $field }
field-not-count = { $field } no es un recuento
field-not-number = { $field } no es un número
field-not-list = { $field } no es una lista
field-not-week = { $field } no es una semana
